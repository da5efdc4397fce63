package io.incidentsupervisor.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One piece of a collector's evidence the token budget may drop on its own (a log line, a policy statement): its
 * content as a JSON-like tree, and how much it bears on the failure.
 */
public record ContextEntry(Relevance relevance, Map<String, Object> content) {

    /** What the budget drops first: background before the entries that carry the failure. */
    public enum Relevance {
        BACKGROUND,
        FAILURE
    }

    public ContextEntry {
        Objects.requireNonNull(relevance, "relevance");
        content = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(content, "content")));
    }
}

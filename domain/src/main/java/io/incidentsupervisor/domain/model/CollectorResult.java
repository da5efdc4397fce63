package io.incidentsupervisor.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one collector gathered: a summary as a JSON-like tree (strings, numbers, booleans, lists and maps), the entries
 * the budget may drop one by one (oldest first), or the error that stopped it; {@code truncated} says something was cut.
 */
public record CollectorResult(
        String source, Map<String, Object> data, List<ContextEntry> entries, CollectorError error, boolean truncated) {

    public CollectorResult {
        Objects.requireNonNull(source, "collector source");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    public static CollectorResult gathered(String source, Map<String, Object> data) {
        return new CollectorResult(source, data, List.of(), null, false);
    }

    public static CollectorResult gathered(
            String source, Map<String, Object> data, List<ContextEntry> entries, boolean truncated) {
        return new CollectorResult(source, data, entries, null, truncated);
    }

    public static CollectorResult failed(String source, CollectorError error) {
        return new CollectorResult(
                source, Map.of(), List.of(), Objects.requireNonNull(error, "collector error"), false);
    }

    public boolean succeeded() {
        return error == null;
    }
}

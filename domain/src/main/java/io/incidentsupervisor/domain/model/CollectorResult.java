package io.incidentsupervisor.domain.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one collector gathered: its data as a JSON-like tree (strings, numbers, booleans, lists and maps) or the error
 * that stopped it, and whether anything was cut.
 */
public record CollectorResult(String source, Map<String, Object> data, CollectorError error, boolean truncated) {

    public CollectorResult {
        Objects.requireNonNull(source, "collector source");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    public static CollectorResult gathered(String source, Map<String, Object> data) {
        return new CollectorResult(source, data, null, false);
    }

    public static CollectorResult failed(String source, CollectorError error) {
        return new CollectorResult(source, Map.of(), Objects.requireNonNull(error, "collector error"), false);
    }

    public boolean succeeded() {
        return error == null;
    }
}

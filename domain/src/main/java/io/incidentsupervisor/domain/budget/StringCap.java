package io.incidentsupervisor.domain.budget;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cuts every string of an alert or a result to one length ({@link Text#capped}), counting the strings it cut. */
final class StringCap {

    private final int length;
    private int cut;

    StringCap(int length) {
        this.length = length;
    }

    int stringsCut() {
        return cut;
    }

    IncidentAlert alert(IncidentAlert alert) {
        return new IncidentAlert(
                string(alert.errorType()),
                string(alert.errorMessage()),
                string(alert.errorCode()),
                alert.lambdaName(),
                alert.timestamp());
    }

    List<CollectorResult> results(List<CollectorResult> results) {
        List<CollectorResult> capped = new ArrayList<>();
        for (CollectorResult result : results) {
            List<ContextEntry> entries = new ArrayList<>();
            for (ContextEntry entry : result.entries()) {
                entries.add(new ContextEntry(entry.relevance(), map(entry.content())));
            }
            capped.add(new CollectorResult(
                    result.source(), map(result.data()), entries, result.error(), result.truncated()));
        }
        return capped;
    }

    private Map<String, Object> map(Map<String, Object> tree) {
        Map<String, Object> capped = new LinkedHashMap<>();
        tree.forEach((key, value) -> capped.put(key, value(value)));
        return capped;
    }

    @SuppressWarnings("unchecked") // context trees are JSON-shaped: maps are keyed by strings
    private Object value(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Map<?, ?> map) {
            return map((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> capped = new ArrayList<>();
            list.forEach(item -> capped.add(value(item)));
            return capped;
        }
        return value;
    }

    private String string(String text) {
        String capped = Text.capped(text, length);
        if (capped.length() < text.length()) {
            cut++;
        }
        return capped;
    }
}

package io.incidentsupervisor.application.context;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text an agent reads of a context, which is therefore the text whose tokens the budget counts: the diagnosis first
 * (never cut), then the alert and the collectors' results.
 */
public final class AgentView {

    private static final ObjectWriter WRITER = Json.mapper().writer();

    private AgentView() {}

    public static String render(Diagnosis diagnosis, IncidentAlert alert, List<CollectorResult> results) {
        Map<String, Object> view = new LinkedHashMap<>();
        if (diagnosis != null) {
            view.put("diagnosis", diagnosis);
        }
        view.put("alert", alert);
        view.put("results", results);
        try {
            return WRITER.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A context could not be written as JSON", e);
        }
    }
}

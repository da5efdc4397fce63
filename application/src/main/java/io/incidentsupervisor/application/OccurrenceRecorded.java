package io.incidentsupervisor.application;

import io.incidentsupervisor.domain.model.IncidentEvent;
import java.util.List;

/** What recording an occurrence left: the incident's whole history, and whether this alert was counted (false: seen already). */
public record OccurrenceRecorded(List<IncidentEvent> history, boolean counted) {

    public OccurrenceRecorded {
        history = List.copyOf(history);
    }
}

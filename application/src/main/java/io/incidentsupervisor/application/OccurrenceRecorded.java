package io.incidentsupervisor.application;

import io.incidentsupervisor.domain.model.IncidentEvent;
import java.util.List;

/**
 * What recording an occurrence left: the incident's whole history, whether this alert was counted (false: seen
 * already), and how many alerts the incident has counted now.
 */
public record OccurrenceRecorded(List<IncidentEvent> history, boolean counted, int occurrences) {

    public OccurrenceRecorded {
        history = List.copyOf(history);
    }
}

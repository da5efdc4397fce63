package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;

/**
 * One page of a listing, the most recent failure first; {@code next} is the cursor of the following page (pass it as
 * {@code after}), null when there is none.
 */
public record IncidentPage(List<IncidentStateRow> incidents, IncidentId next) {

    public IncidentPage {
        incidents = List.copyOf(incidents);
    }
}

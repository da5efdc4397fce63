package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/** Record an alert as an incident; a repeated delivery of the same alert changes nothing. */
public record ReceiveIncident(IncidentAlert alert, Instant now) implements IncidentCommand {

    public ReceiveIncident {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(now, "now");
    }

    @Override
    public IncidentId incidentId() {
        return alert.incidentId();
    }
}

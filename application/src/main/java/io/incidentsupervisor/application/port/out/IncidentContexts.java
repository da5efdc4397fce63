package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.Optional;

/** Outgoing: the incident-context projection. */
public interface IncidentContexts {

    /** Stores the row unless the stored one has applied this sequence already. */
    void save(IncidentContextRow row);

    /** The row, unless it expired before {@code now}: TTL deletion can lag by days, so expiry is checked on reading. */
    Optional<IncidentContextRow> find(IncidentId incidentId, Instant now);
}

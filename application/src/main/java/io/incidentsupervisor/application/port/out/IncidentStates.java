package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Outgoing: the incident-state projection. */
public interface IncidentStates {

    /** Stores the row unless the stored one has applied this sequence already: replays and redeliveries never regress it. */
    void save(IncidentStateRow row);

    Optional<IncidentStateRow> find(IncidentId incidentId);

    /** Open incidents whose {@code staleAt} is at or before {@code now}, oldest first; read from an index, never a scan. */
    List<IncidentId> staleAt(Instant now);

    /**
     * At most {@code limit} incidents matching {@code filter}, the most recent failure first, from just after the
     * incident {@code after} (null: from the start); read from an index, never a scan.
     */
    IncidentPage recent(IncidentFilter filter, IncidentId after, int limit);

    /** Incidents whose diagnosis waits for change evidence, soonest deadline first; read from an index, never a scan. */
    List<IncidentId> evidencePending();

    /**
     * Incidents whose verdict blames a change, ordered by the change's CloudTrail event id (then incident id), only those
     * of {@code eventId} unless it is null; at most {@code limit}; read from an index, never a scan.
     */
    List<IncidentStateRow> caused(String eventId, int limit);
}

package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** An incident's history read from the event store itself, never from a projection. */
public final class AuditHistory {

    private final EventStore eventStore;

    public AuditHistory(EventStore eventStore) {
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
    }

    /** Every event of the incident in order; empty if it was never received. */
    public List<AuditEntry> of(IncidentId incidentId) {
        return eventStore
                .readEvents(incidentId.value())
                .asStream()
                .map(AuditHistory::entry)
                .collect(Collectors.toList());
    }

    private static AuditEntry entry(DomainEventMessage<?> message) {
        IncidentEvent event = (IncidentEvent) message.getPayload();
        return new AuditEntry(
                message.getSequenceNumber(),
                message.getTimestamp(),
                event.getClass().getSimpleName(),
                event,
                message.getMetaData());
    }
}

package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** An incident's history read from the event storage itself (upcast and deserialized), never from a projection. */
public final class AuditHistory implements ReadIncidentHistory {

    private final EventStorageEngine events;

    public AuditHistory(EventStorageEngine events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public List<AuditEntry> history(IncidentId incidentId) {
        return events.readEvents(incidentId.value())
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

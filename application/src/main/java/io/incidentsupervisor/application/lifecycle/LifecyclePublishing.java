package io.incidentsupervisor.application.lifecycle;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.application.port.in.PublishLifecycleEvents;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.application.port.out.LifecyclePublisher;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Publishes the lifecycle events of committed stored events: each incident's history is read once (strongly
 * consistent), mapped by {@link LifecycleEvents} as every other reader maps it, and the events of the committed
 * sequences are sent. A committed sequence the history does not hold yet is an error, never a skip: the caller retries.
 */
public final class LifecyclePublishing implements PublishLifecycleEvents {

    private final ReadIncidentHistory history;
    private final LifecyclePublisher publisher;

    public LifecyclePublishing(ReadIncidentHistory history, LifecyclePublisher publisher) {
        this.history = Objects.requireNonNull(history, "history");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
    }

    @Override
    public int publish(List<Committed> committed) {
        Map<IncidentId, Set<Long>> sequences = new LinkedHashMap<>();
        committed.forEach(c -> sequences
                .computeIfAbsent(c.incidentId(), id -> new LinkedHashSet<>())
                .add(c.sequence()));
        List<LifecycleEvent> events = new ArrayList<>();
        for (Map.Entry<IncidentId, Set<Long>> incident : sequences.entrySet()) {
            List<AuditEntry> stored = history.history(incident.getKey());
            Set<Long> held = new LinkedHashSet<>();
            stored.forEach(entry -> held.add(entry.sequence()));
            if (!held.containsAll(incident.getValue())) {
                throw new IllegalStateException("The history of " + incident.getKey() + " does not hold the committed"
                        + " sequences " + incident.getValue() + " yet");
            }
            for (LifecycleEvent event : LifecycleEvents.of(stored)) {
                if (incident.getValue().contains(LifecycleEvents.sequenceOf(event))) {
                    events.add(event);
                }
            }
        }
        if (!events.isEmpty()) {
            publisher.publish(events);
        }
        return events.size();
    }
}

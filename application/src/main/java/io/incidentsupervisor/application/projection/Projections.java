package io.incidentsupervisor.application.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.context.ContextFitter;
import io.incidentsupervisor.application.port.in.RebuildProjections;
import io.incidentsupervisor.application.port.out.IncidentContextRow;
import io.incidentsupervisor.application.port.out.IncidentContexts;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.application.port.out.RootCause;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Keeps the incident-state and incident-context projections. A row is always computed the same way — the domain's own
 * fold over the incident's whole history — whether it is refreshed after an invocation or rebuilt from the global stream,
 * so a rebuilt table equals the live one.
 */
public final class Projections implements RebuildProjections {

    /** How long agents can read a context. */
    public static final Duration CONTEXT_RETENTION = Duration.ofDays(7);

    private static final ObjectMapper JSON = Json.mapper();

    private final EventStorageEngine events;
    private final IncidentStates states;
    private final IncidentContexts contexts;
    private final Duration leaseFloor;
    private final ContextFitter fitter;

    /** @param leaseFloor how long an incident may stay RECEIVED, never started, before it counts as stale */
    public Projections(
            EventStorageEngine events,
            IncidentStates states,
            IncidentContexts contexts,
            Duration leaseFloor,
            ContextFitter fitter) {
        this.events = Objects.requireNonNull(events, "events");
        this.states = Objects.requireNonNull(states, "states");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.leaseFloor = Objects.requireNonNull(leaseFloor, "leaseFloor");
        this.fitter = Objects.requireNonNull(fitter, "fitter");
    }

    /** Brings both rows of one incident up to its latest stored event, read from the store. */
    public void refresh(IncidentId incidentId) {
        save(events.readEvents(incidentId.value())
                .asStream()
                .map(Projections::payload)
                .toList());
    }

    /**
     * Writes both rows from an incident's whole history, held by the caller: the use case that has just appended it
     * needs no read of what it wrote.
     */
    public void project(List<IncidentEvent> history) {
        save(history);
    }

    @Override
    public int rebuild(LongConsumer progress) {
        Map<String, List<IncidentEvent>> histories = new LinkedHashMap<>();
        long read = 0;
        try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
            for (Iterator<? extends TrackedEventMessage<?>> all = stream.iterator(); all.hasNext(); ) {
                if (all.next() instanceof DomainEventMessage<?> event) {
                    histories
                            .computeIfAbsent(event.getAggregateIdentifier(), id -> new ArrayList<>())
                            .add(payload(event));
                }
                if (++read % 1_000 == 0) {
                    progress.accept(read);
                }
            }
        }
        progress.accept(read);
        histories.values().forEach(this::save);
        return histories.size();
    }

    /** Every row is a function of the events alone (their sequence is their place in the history), so every path writes the same row. */
    private void save(List<IncidentEvent> history) {
        if (history.isEmpty()) {
            return;
        }
        Incident incident = Incident.replay(history);
        IncidentEvent last = history.get(history.size() - 1);
        states.save(new IncidentStateRow(
                incident.id(),
                incident.alert().errorType(),
                incident.status(),
                incident.attempt(),
                incident.leaseUntil(),
                last.occurredAt(),
                history.size() - 1L,
                incident.failure(),
                incident.staleAt(leaseFloor).orElse(null),
                incident.diagnosis() != null && incident.diagnosis().pending()
                        ? incident.diagnosis().evidencePendingUntil()
                        : null,
                incident.occurrences().firstSeen(),
                incident.occurrences().lastSeen(),
                incident.occurrences().count(),
                RootCause.of(incident.diagnosis()).orElse(null)));
        for (IncidentEvent event : history) {
            if (event instanceof ContextGathered gathered) {
                contexts.save(new IncidentContextRow(
                        incident.id(),
                        incident.alert().errorType(),
                        json(incident, fitter.forRow(gathered.context(), incident.diagnosis())),
                        gathered.gatheredAt(),
                        // TTL attributes hold whole seconds.
                        gathered.gatheredAt().plus(CONTEXT_RETENTION).truncatedTo(ChronoUnit.SECONDS),
                        // The whole history's last sequence: a later verdict (late change evidence) rewrites the row.
                        history.size() - 1L));
            }
        }
    }

    private static IncidentEvent payload(DomainEventMessage<?> message) {
        if (message.getPayload() instanceof IncidentEvent event) {
            return event;
        }
        throw new IllegalStateException("Event " + message.getIdentifier() + " of " + message.getAggregateIdentifier()
                + " holds a " + message.getPayloadType().getName() + ", which is not an incident event");
    }

    /** What an agent reads: the latest diagnosis first, the alerts of its episode, then the gathered context. */
    private static String json(Incident incident, EnrichedContext fitted) {
        ObjectNode view = JSON.createObjectNode();
        if (incident.diagnosis() != null) {
            view.set("diagnosis", JSON.valueToTree(incident.diagnosis()));
        }
        view.putObject("episode")
                .put("firstSeen", incident.occurrences().firstSeen().toString())
                .put("lastSeen", incident.occurrences().lastSeen().toString())
                .put("occurrences", incident.occurrences().count());
        view.setAll((ObjectNode) JSON.valueToTree(fitted));
        try {
            return JSON.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A gathered context could not be written as JSON", e);
        }
    }
}

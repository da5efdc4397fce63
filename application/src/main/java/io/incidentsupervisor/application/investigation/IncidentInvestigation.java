package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.investigation.Outcome.Duplicate;
import io.incidentsupervisor.application.investigation.Outcome.Investigated;
import io.incidentsupervisor.application.investigation.Outcome.Refused;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.FailInvestigation;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentRefusal.UnknownIncident;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import io.incidentsupervisor.domain.model.RecordCollectorOutcome;
import io.incidentsupervisor.domain.model.RecordContext;
import io.incidentsupervisor.domain.model.RecoverInvestigation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The investigation of one alert: receive it and start its first attempt (a duplicate stops here), whose lease lasts
 * until the invocation's deadline (never less than the floor; {@link Incident#leaseUntil}), gather the context with a heartbeat
 * per collector, record it, and project the history it holds. A failure is recorded on the incident and the original
 * exception is rethrown; if recording fails too, that failure is attached to the original as suppressed, never in its
 * place.
 */
public final class IncidentInvestigation implements HandleIncidentAlert {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentInvestigation.class);

    private final AxonRuntime axon;
    private final ContextGatherer gatherer;
    private final AuditHistory history;
    private final Projections projections;
    private final Set<String> supervisedFunctions;
    private final FailureClassifier classifier;
    private final Clock clock;
    private final Duration leaseFloor;

    public IncidentInvestigation(
            AxonRuntime axon,
            ContextGatherer gatherer,
            Projections projections,
            Set<String> supervisedFunctions,
            FailureClassifier classifier,
            Clock clock,
            Duration leaseFloor) {
        this.axon = Objects.requireNonNull(axon, "axon");
        this.projections = Objects.requireNonNull(projections, "projections");
        this.gatherer = Objects.requireNonNull(gatherer, "gatherer");
        this.history = new AuditHistory(axon.eventStore());
        this.supervisedFunctions = Set.copyOf(supervisedFunctions);
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leaseFloor = Objects.requireNonNull(leaseFloor, "leaseFloor");
    }

    @Override
    public Outcome handle(IncidentAlert alert, Delivery delivery) {
        axon.forgetCachedIncidents();
        IncidentId id = alert.incidentId();
        Map<String, String> metadata = delivery.metadata();
        List<IncidentEvent> events = new ArrayList<>();
        Instant now = clock.instant();
        try {
            events.addAll(axon.send(
                    new ReceiveIncident(alert, now, Incident.leaseUntil(now, delivery.deadline(), leaseFloor)),
                    metadata));
        } catch (AggregateStreamCreationException | ConcurrencyException concurrentFirstDelivery) {
            // Another delivery of the same alert created the incident between our load and our append.
        }
        if (events.isEmpty()) {
            projections.refresh(id);
            return new Duplicate(id);
        }
        return investigate(alert, events, delivery);
    }

    @Override
    public Outcome recover(IncidentId incidentId, Delivery delivery) {
        axon.forgetCachedIncidents();
        List<IncidentEvent> events =
                history.of(incidentId).stream().map(AuditEntry::event).collect(Collectors.toCollection(ArrayList::new));
        if (events.isEmpty()) {
            throw new UnknownIncident(incidentId);
        }
        Instant now = clock.instant();
        events.addAll(axon.send(
                new RecoverInvestigation(
                        incidentId, now, Incident.leaseUntil(now, delivery.deadline(), leaseFloor), leaseFloor),
                delivery.metadata()));
        return investigate(Incident.replay(events).alert(), events, delivery);
    }

    /** @param events the incident's whole history so far, ending with the attempt's start; this attempt's events are added */
    private Outcome investigate(IncidentAlert alert, List<IncidentEvent> events, Delivery delivery) {
        IncidentId id = alert.incidentId();
        int attempt = Incident.replay(events).attempt();
        Map<String, String> metadata = delivery.metadata();
        EnrichedContext context;
        Map<String, Duration> latency = new LinkedHashMap<>();
        try {
            if (!supervisedFunctions.contains(alert.lambdaName())) {
                FailureReason notSupervised = new FailureReason(
                        "NotSupervised",
                        "Function " + alert.lambdaName()
                                + " is not among the supervised functions; no AWS call was made for it",
                        false);
                events.addAll(axon.send(new FailInvestigation(id, attempt, notSupervised, clock.instant()), metadata));
                projections.project(events);
                return new Refused(id, notSupervised);
            }
            context = gatherer.gather(alert, delivery.deadline(), (collector, succeeded, took) -> {
                latency.put(collector, took);
                Instant now = clock.instant();
                events.addAll(axon.send(
                        new RecordCollectorOutcome(
                                id,
                                attempt,
                                collector,
                                succeeded,
                                now,
                                Incident.leaseUntil(now, delivery.deadline(), leaseFloor)),
                        metadata));
            });
            events.addAll(axon.send(new RecordContext(id, attempt, context, clock.instant()), metadata));
        } catch (RuntimeException failure) {
            recordFailure(id, attempt, failure, metadata);
            throw failure;
        }
        // If this fails the invocation fails, and its retry, a duplicate, refreshes the rows from the store.
        projections.project(events);
        return new Investigated(id, attempt, context, latency);
    }

    private void recordFailure(IncidentId id, int attempt, RuntimeException failure, Map<String, String> metadata) {
        try {
            axon.send(new FailInvestigation(id, attempt, classifier.classify(failure), clock.instant()), metadata);
        } catch (RuntimeException recordingFailure) {
            LOG.error(
                    "Investigation of {} (attempt {}) failed, and recording that failed too; the original failure is rethrown. Original: {}",
                    id,
                    attempt,
                    failure.toString(),
                    recordingFailure);
            failure.addSuppressed(recordingFailure);
        }
        try {
            // After a failure the store, not the events in hand, says what was written.
            projections.refresh(id);
        } catch (RuntimeException projectionFailure) {
            failure.addSuppressed(projectionFailure);
        }
    }
}

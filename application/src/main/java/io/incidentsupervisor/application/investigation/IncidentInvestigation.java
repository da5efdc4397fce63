package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.application.investigation.Outcome.Duplicate;
import io.incidentsupervisor.application.investigation.Outcome.Investigated;
import io.incidentsupervisor.application.investigation.Outcome.Refused;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.FailInvestigation;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRefusal.RetryNotAllowed;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import io.incidentsupervisor.domain.model.RecordCollectorOutcome;
import io.incidentsupervisor.domain.model.RecordContext;
import io.incidentsupervisor.domain.model.RetryInvestigation;
import io.incidentsupervisor.domain.model.StartInvestigation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The investigation of one alert: receive it (a duplicate stops here), start an attempt whose lease lasts until the
 * invocation's deadline (never less than the floor), gather the context with a heartbeat per collector, record it. A
 * failure is recorded on the incident and the original exception is rethrown; if recording fails too, that failure is
 * attached to the original as suppressed, never in its place.
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

    public IncidentInvestigation(AxonRuntime axon, ContextGatherer gatherer, Projections projections, Set<String> supervisedFunctions,
            FailureClassifier classifier, Clock clock, Duration leaseFloor) {
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
        IncidentId id = alert.incidentId();
        Map<String, String> metadata = delivery.metadata();
        try {
            if (axon.send(new ReceiveIncident(alert, clock.instant()), metadata).isEmpty()) {
                return refreshed(new Duplicate(id));
            }
        } catch (AggregateStreamCreationException | ConcurrencyException concurrentFirstDelivery) {
            // Another delivery of the same alert created the incident between our load and our append.
            return refreshed(new Duplicate(id));
        }
        Instant now = clock.instant();
        List<IncidentEvent> started = axon.send(new StartInvestigation(id, now, leaseUntil(now, delivery.deadline())), metadata);
        return investigate(alert, attemptOf(started), delivery);
    }

    @Override
    public Outcome recover(IncidentId incidentId, Delivery delivery) {
        IncidentAlert alert = history.of(incidentId).stream().map(AuditEntry::event).filter(IncidentReceived.class::isInstance)
                .map(e -> ((IncidentReceived) e).alert()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No incident " + incidentId + " was ever received"));
        Instant now = clock.instant();
        Instant leaseUntil = leaseUntil(now, delivery.deadline());
        List<IncidentEvent> started;
        try {
            started = axon.send(new RetryInvestigation(incidentId, now, leaseUntil), delivery.metadata());
        } catch (RetryNotAllowed neverStarted) {
            // Received, then killed before its first attempt started: recovery starts that first attempt.
            started = axon.send(new StartInvestigation(incidentId, now, leaseUntil), delivery.metadata());
        }
        return investigate(alert, attemptOf(started), delivery);
    }

    private Outcome investigate(IncidentAlert alert, int attempt, Delivery delivery) {
        IncidentId id = alert.incidentId();
        Map<String, String> metadata = delivery.metadata();
        EnrichedContext context;
        Map<String, Duration> latency = new LinkedHashMap<>();
        try {
            if (!supervisedFunctions.contains(alert.lambdaName())) {
                FailureReason notSupervised = new FailureReason("NotSupervised",
                        "Function " + alert.lambdaName() + " is not among the supervised functions; no AWS call was made for it", false);
                axon.send(new FailInvestigation(id, attempt, notSupervised, clock.instant()), metadata);
                return refreshed(new Refused(id, notSupervised));
            }
            context = gatherer.gather(alert, delivery.deadline(), (collector, succeeded, took) -> {
                latency.put(collector, took);
                Instant now = clock.instant();
                axon.send(new RecordCollectorOutcome(id, attempt, collector, succeeded, now, leaseUntil(now, delivery.deadline())), metadata);
            });
            axon.send(new RecordContext(id, attempt, context, clock.instant()), metadata);
        } catch (RuntimeException failure) {
            recordFailure(id, attempt, failure, metadata);
            throw failure;
        }
        return refreshed(new Investigated(id, attempt, context, latency));
    }

    /**
     * Brings the incident's projection rows up to date. If that fails the invocation fails, and its retry, a duplicate,
     * refreshes them again.
     */
    private Outcome refreshed(Outcome outcome) {
        projections.refresh(outcome.incidentId());
        return outcome;
    }

    private void recordFailure(IncidentId id, int attempt, RuntimeException failure, Map<String, String> metadata) {
        try {
            axon.send(new FailInvestigation(id, attempt, classifier.classify(failure), clock.instant()), metadata);
        } catch (RuntimeException recordingFailure) {
            LOG.error("Investigation of {} (attempt {}) failed, and recording that failed too; the original failure is rethrown. Original: {}",
                    id, attempt, failure.toString(), recordingFailure);
            failure.addSuppressed(recordingFailure);
        }
        try {
            projections.refresh(id);
        } catch (RuntimeException projectionFailure) {
            failure.addSuppressed(projectionFailure);
        }
    }

    private Instant leaseUntil(Instant now, Instant deadline) {
        Instant floor = now.plus(leaseFloor);
        return deadline.isAfter(floor) ? deadline : floor;
    }

    private static int attemptOf(List<IncidentEvent> started) {
        return started.stream().filter(InvestigationStarted.class::isInstance).map(e -> ((InvestigationStarted) e).attempt()).findFirst()
                .orElseThrow(() -> new IllegalStateException("Starting an investigation applied no InvestigationStarted"));
    }
}

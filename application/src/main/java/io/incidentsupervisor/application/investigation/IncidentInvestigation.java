package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.diagnosis.Diagnoser;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.HandleAlert;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.Outcome.Duplicate;
import io.incidentsupervisor.application.port.in.Outcome.Investigated;
import io.incidentsupervisor.application.port.in.Outcome.Refused;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.application.port.in.RecoverIncident;
import io.incidentsupervisor.application.port.out.FailureClassifier;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The investigation of one alert: receive it and start its first attempt (a duplicate stops here), whose lease lasts
 * until the invocation's deadline (never less than the floor; {@link Incident#leaseUntil}), run the collectors at once,
 * recording their ends as heartbeats (those that ended together in one commit), reach the diagnosis, record it with the
 * context, and project the history it holds. A failure is recorded on the incident and the original exception is
 * rethrown; if recording fails too, that failure is attached to the original as suppressed, never in its place. Recovery starts the next attempt of a stored incident and runs it the same way. An alert of a failure
 * whose episode is open is only counted ({@link Recurrences}).
 */
public final class IncidentInvestigation implements HandleAlert, RecoverIncident {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentInvestigation.class);

    private final AxonRuntime axon;
    private final ReadIncidentHistory history;
    private final ContextGatherer gatherer;
    private final Diagnoser diagnoser;
    private final Projections projections;
    private final Recurrences recurrences;
    private final Set<String> supervisedFunctions;
    private final FailureClassifier classifier;
    private final Clock clock;
    private final Duration leaseFloor;

    public IncidentInvestigation(
            AxonRuntime axon,
            ReadIncidentHistory history,
            ContextGatherer gatherer,
            Diagnoser diagnoser,
            Projections projections,
            Recurrences recurrences,
            Set<String> supervisedFunctions,
            FailureClassifier classifier,
            Clock clock,
            Duration leaseFloor) {
        this.axon = Objects.requireNonNull(axon, "axon");
        this.history = Objects.requireNonNull(history, "history");
        this.gatherer = Objects.requireNonNull(gatherer, "gatherer");
        this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
        this.projections = Objects.requireNonNull(projections, "projections");
        this.recurrences = Objects.requireNonNull(recurrences, "recurrences");
        this.supervisedFunctions = Set.copyOf(supervisedFunctions);
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.leaseFloor = Objects.requireNonNull(leaseFloor, "leaseFloor");
    }

    @Override
    public Outcome handle(IncidentAlert alert, Delivery delivery) {
        Optional<Outcome> occurrence = recurrences.count(alert, delivery);
        if (occurrence.isPresent()) {
            return occurrence.get();
        }
        axon.forgetCachedIncidents();
        IncidentId id = alert.incidentId();
        List<IncidentEvent> events = new ArrayList<>();
        Instant now = clock.instant();
        try {
            events.addAll(axon.send(
                    new ReceiveIncident(alert, now, Incident.leaseUntil(now, delivery.deadline(), leaseFloor)),
                    delivery));
        } catch (AggregateStreamCreationException | ConcurrencyException concurrentFirstDelivery) {
            // Another delivery of the same alert created the incident between our load and our append.
        }
        if (events.isEmpty()) {
            projections.refresh(id);
            return new Duplicate(id);
        }
        return investigate(alert, events, delivery, true);
    }

    @Override
    public Outcome recover(IncidentId incidentId, Delivery delivery) {
        axon.forgetCachedIncidents();
        List<IncidentEvent> events = history.history(incidentId).stream()
                .map(AuditEntry::event)
                .collect(Collectors.toCollection(ArrayList::new));
        if (events.isEmpty()) {
            throw new UnknownIncident(incidentId);
        }
        Instant now = clock.instant();
        events.addAll(axon.send(
                new RecoverInvestigation(
                        incidentId, now, Incident.leaseUntil(now, delivery.deadline(), leaseFloor), leaseFloor),
                delivery));
        // Read before the recovery's own load: an occurrence counted in between is in the store, not in hand.
        return investigate(Incident.replay(events).alert(), events, delivery, false);
    }

    /**
     * @param events the incident's history so far, ending with the attempt's start; this attempt's events are added
     * @param whole whether {@code events} is all of it, as the commit that started the attempt left it
     */
    private Outcome investigate(IncidentAlert alert, List<IncidentEvent> events, Delivery delivery, boolean whole) {
        IncidentId id = alert.incidentId();
        long conflictsBefore = whole ? axon.conflicts() : -1;
        int attempt = Incident.replay(events).attempt();
        EnrichedContext context;
        Map<String, Duration> latency = new LinkedHashMap<>();
        try {
            if (!supervisedFunctions.contains(alert.lambdaName())) {
                FailureReason notSupervised = new FailureReason(
                        "NotSupervised",
                        "Function " + alert.lambdaName()
                                + " is not among the supervised functions; no AWS call was made for it",
                        false);
                events.addAll(axon.send(new FailInvestigation(id, attempt, notSupervised, clock.instant()), delivery));
                projections.project(written(id, events, conflictsBefore));
                return new Refused(id, notSupervised);
            }
            ContextGatherer.Gathering gathering = gatherer.start(alert, delivery.deadline());
            while (gathering.hasNext()) {
                // The collectors that have ended by then are recorded in one commit: one write for their heartbeats.
                List<RecordCollectorOutcome> heartbeats = new ArrayList<>();
                do {
                    Optional<ContextGatherer.Step> step = gathering.runNext();
                    if (step.isPresent()) {
                        latency.put(step.get().collector(), step.get().took());
                        heartbeats.add(heartbeat(id, attempt, step.get(), delivery));
                    }
                } while (gathering.nextHasEnded());
                if (!heartbeats.isEmpty()) {
                    events.addAll(axon.sendTogether(heartbeats, delivery));
                }
            }
            Diagnosis diagnosis = diagnoser.diagnose(alert, gathering.results(), delivery.deadline());
            context = gathering.gathered(diagnosis);
            events.addAll(axon.send(
                    new RecordContext(
                            id,
                            attempt,
                            context,
                            diagnosis.changeEvidence() == Diagnosis.ChangeEvidence.NOT_NEEDED ? null : diagnosis,
                            clock.instant()),
                    delivery));
        } catch (RuntimeException failure) {
            recordFailure(id, attempt, failure, delivery);
            throw failure;
        }
        // If this fails the invocation fails, and its retry, a duplicate, refreshes the rows from the store.
        List<IncidentEvent> written = written(id, events, conflictsBefore);
        projections.project(written);
        Incident closed = Incident.replay(written);
        if (closed.verdictFinal()) {
            recurrences.verdictFinal(closed);
        }
        return new Investigated(id, attempt, context, latency);
    }

    /**
     * The incident's whole history: the events in hand, unless another writer appended meanwhile (an occurrence counted
     * while this attempt ran), which made one of this attempt's commits lose a race, or they were read before the
     * attempt's start ({@code conflictsBefore} -1); then the store's.
     */
    private List<IncidentEvent> written(IncidentId id, List<IncidentEvent> inHand, long conflictsBefore) {
        if (axon.conflicts() == conflictsBefore) {
            return inHand;
        }
        return history.history(id).stream().map(AuditEntry::event).toList();
    }

    /** A collector's end renews the lease: the attempt is alive. */
    private RecordCollectorOutcome heartbeat(IncidentId id, int attempt, ContextGatherer.Step step, Delivery delivery) {
        Instant now = clock.instant();
        return new RecordCollectorOutcome(
                id,
                attempt,
                step.collector(),
                step.succeeded(),
                now,
                Incident.leaseUntil(now, delivery.deadline(), leaseFloor));
    }

    private void recordFailure(IncidentId id, int attempt, RuntimeException failure, Delivery delivery) {
        try {
            axon.send(new FailInvestigation(id, attempt, classifier.classify(failure), clock.instant()), delivery);
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

package io.incidentsupervisor.domain.model;

import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.IncidentRefusal.AwaitingFirstAttempt;
import io.incidentsupervisor.domain.model.IncidentRefusal.IncidentClosed;
import io.incidentsupervisor.domain.model.IncidentRefusal.InvestigationInProgress;
import io.incidentsupervisor.domain.model.IncidentRefusal.NotInvestigating;
import io.incidentsupervisor.domain.model.IncidentRefusal.OtherFailure;
import io.incidentsupervisor.domain.model.IncidentRefusal.RetryNotAllowed;
import io.incidentsupervisor.domain.model.IncidentRefusal.StaleAttempt;
import io.incidentsupervisor.domain.model.IncidentRefusal.UnknownIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The incident as a pure decider: {@link #decide} turns a command into the events it causes (or refuses it), and
 * {@link #evolve} folds an event into the next state. Neither reads a clock nor touches I/O. It is also the one home of
 * the lease rule: an attempt holds a lease until its invocation's deadline, never less than the floor
 * ({@link #leaseUntil}), renewed by each collector heartbeat; an incident is stale once that lease passed, or, never
 * started, once the floor passed since it was received ({@link #staleAt}); what recovery does is decided here.
 */
public final class Incident {

    private static final Incident ABSENT =
            new Incident(null, IncidentStatus.ABSENT, null, null, 0, null, null, null, null);

    private final IncidentId id;
    private final IncidentStatus status;
    private final IncidentAlert alert;
    private final Instant receivedAt;
    private final int attempt;
    private final Instant leaseUntil;
    private final FailureReason failure;
    private final Diagnosis diagnosis;
    private final Occurrences occurrences;

    private Incident(
            IncidentId id,
            IncidentStatus status,
            IncidentAlert alert,
            Instant receivedAt,
            int attempt,
            Instant leaseUntil,
            FailureReason failure,
            Diagnosis diagnosis,
            Occurrences occurrences) {
        this.id = id;
        this.status = status;
        this.alert = alert;
        this.receivedAt = receivedAt;
        this.attempt = attempt;
        this.leaseUntil = leaseUntil;
        this.failure = failure;
        this.diagnosis = diagnosis;
        this.occurrences = occurrences;
    }

    /** The state before any event. */
    public static Incident absent() {
        return ABSENT;
    }

    /** The state reached by applying the events in order to {@link #absent()}. */
    public static Incident replay(List<? extends IncidentEvent> history) {
        Incident state = ABSENT;
        for (IncidentEvent event : history) {
            state = state.evolve(event);
        }
        return state;
    }

    /** The lease an attempt taken at {@code now} holds: until its invocation's deadline, and never less than {@code floor}. */
    public static Instant leaseUntil(Instant now, Instant deadline, Duration floor) {
        Instant floorEnd = now.plus(floor);
        return deadline.isAfter(floorEnd) ? deadline : floorEnd;
    }

    public List<IncidentEvent> decide(IncidentCommand command) {
        if (command instanceof ReceiveIncident receive) {
            return status == IncidentStatus.ABSENT
                    ? List.of(
                            new IncidentReceived(receive.incidentId(), receive.alert(), receive.now()),
                            new InvestigationStarted(receive.incidentId(), 1, receive.now(), receive.leaseUntil()))
                    : List.of();
        }
        if (status == IncidentStatus.ABSENT) {
            throw new UnknownIncident(command.incidentId());
        }
        if (command instanceof RecordOccurrence occurrence) {
            return recordOccurrence(occurrence);
        }
        if (command instanceof RecordCollectorOutcome outcome) {
            requireInvestigating(outcome.attempt());
            return List.of(new CollectorFinished(
                    id, attempt, outcome.collector(), outcome.succeeded(), outcome.now(), outcome.leaseUntil()));
        }
        if (command instanceof RecordContext record) {
            requireInvestigating(record.attempt());
            ContextGathered gathered = new ContextGathered(id, attempt, record.context(), record.now());
            return record.diagnosis() == null
                    ? List.of(gathered)
                    : List.of(new IncidentDiagnosed(id, attempt, record.diagnosis(), record.now()), gathered);
        }
        if (command instanceof RecordDiagnosis record) {
            // Once closed, only late change evidence may update the verdict.
            if (status != IncidentStatus.CONTEXT_GATHERED || diagnosis == null || !diagnosis.pending()) {
                requireInvestigating(record.attempt());
            }
            return List.of(new IncidentDiagnosed(id, record.attempt(), record.diagnosis(), record.now()));
        }
        if (command instanceof FailInvestigation fail) {
            requireInvestigating(fail.attempt());
            return List.of(new InvestigationFailed(id, attempt, fail.reason(), fail.now()));
        }
        if (command instanceof RecoverInvestigation recover) {
            return recover(recover);
        }
        throw new IllegalArgumentException(
                "No decision is defined for the command " + command.getClass().getName());
    }

    public Incident evolve(IncidentEvent event) {
        if (event instanceof IncidentReceived received) {
            return new Incident(
                    received.incidentId(),
                    IncidentStatus.RECEIVED,
                    received.alert(),
                    received.receivedAt(),
                    0,
                    null,
                    null,
                    null,
                    Occurrences.first(received.alert().timestamp()));
        }
        if (event instanceof IncidentRecurred recurred) {
            return new Incident(
                    id, status, alert, receivedAt, attempt, leaseUntil, failure, diagnosis, occurrences.plus(recurred));
        }
        if (event instanceof InvestigationStarted started) {
            return with(IncidentStatus.INVESTIGATING, started.attempt(), started.leaseUntil(), null, diagnosis);
        }
        if (event instanceof CollectorFinished finished) {
            return with(status, attempt, finished.leaseUntil(), failure, diagnosis);
        }
        if (event instanceof ContextGathered) {
            return with(IncidentStatus.CONTEXT_GATHERED, attempt, null, null, diagnosis);
        }
        if (event instanceof InvestigationFailed failed) {
            return with(IncidentStatus.FAILED, attempt, null, failed.reason(), diagnosis);
        }
        if (event instanceof IncidentDiagnosed diagnosed) {
            return with(status, attempt, leaseUntil, failure, diagnosed.diagnosis());
        }
        if (event instanceof InvestigationRetried) {
            // Changes nothing by itself: the InvestigationStarted decided with it opens the next attempt.
            return this;
        }
        throw new IllegalArgumentException(
                "No state change is defined for the event " + event.getClass().getName());
    }

    private Incident with(
            IncidentStatus status, int attempt, Instant leaseUntil, FailureReason failure, Diagnosis diagnosis) {
        return new Incident(id, status, alert, receivedAt, attempt, leaseUntil, failure, diagnosis, occurrences);
    }

    /**
     * When this incident turns stale, while it is open: its attempt's lease end, or, never started, its receipt plus
     * {@code startFloor}. Empty once it failed or is closed: those are never stale.
     */
    public Optional<Instant> staleAt(Duration startFloor) {
        return switch (status) {
            case RECEIVED -> Optional.of(receivedAt.plus(startFloor));
            case INVESTIGATING -> Optional.of(leaseUntil);
            case ABSENT, CONTEXT_GATHERED, FAILED -> Optional.empty();
        };
    }

    /** True once {@link #staleAt} has come: whoever was investigating it died or stalled, and recovery may take over. */
    public boolean isStale(Instant now, Duration startFloor) {
        return staleAt(startFloor).map(at -> !now.isBefore(at)).orElse(false);
    }

    /** Another alert of this incident's failure; the first alert, or one counted already, changes nothing. */
    private List<IncidentEvent> recordOccurrence(RecordOccurrence occurrence) {
        FailureSignature failure = FailureSignature.of(occurrence.alert());
        if (!failure.equals(FailureSignature.of(alert))) {
            throw new OtherFailure(id, failure);
        }
        Instant failedAt = occurrence.alert().timestamp();
        if (occurrences.counted(failedAt, occurrence.messageId())) {
            return List.of();
        }
        return List.of(new IncidentRecurred(id, occurrence.messageId(), failedAt, occurrence.now()));
    }

    /** What recovery does from each state: the one place that decides it. */
    private List<IncidentEvent> recover(RecoverInvestigation recover) {
        String cause = switch (status) {
            case RECEIVED -> {
                // Only histories written before receipt and start became one decision hold an unstarted incident.
                if (!isStale(recover.now(), recover.startFloor())) {
                    throw new AwaitingFirstAttempt(id, receivedAt.plus(recover.startFloor()));
                }
                yield null;
            }
            case INVESTIGATING -> {
                if (!isStale(recover.now(), recover.startFloor())) {
                    throw new InvestigationInProgress(id, attempt, leaseUntil);
                }
                yield "lease of attempt " + attempt + " passed at " + leaseUntil;
            }
            case FAILED -> {
                if (!failure.retryable()) {
                    throw new RetryNotAllowed(
                            id,
                            "attempt " + attempt + " failed with the non-retryable " + failure.type()
                                    + (failure.message().isEmpty() ? "" : " (" + failure.message() + ")"));
                }
                yield "attempt " + attempt + " failed with the retryable " + failure.type();
            }
            case ABSENT -> throw new UnknownIncident(id);
            case CONTEXT_GATHERED -> throw new IncidentClosed(id);
        };
        if (cause == null) {
            return List.of(new InvestigationStarted(id, 1, recover.now(), recover.leaseUntil()));
        }
        return List.of(
                new InvestigationRetried(id, attempt, cause, recover.now()),
                new InvestigationStarted(id, attempt + 1, recover.now(), recover.leaseUntil()));
    }

    private void requireInvestigating(int commandAttempt) {
        if (status == IncidentStatus.CONTEXT_GATHERED) {
            throw new IncidentClosed(id);
        }
        if (status != IncidentStatus.INVESTIGATING) {
            throw new NotInvestigating(id, status);
        }
        if (commandAttempt != attempt) {
            throw new StaleAttempt(id, commandAttempt, attempt);
        }
    }

    public IncidentId id() {
        return id;
    }

    public IncidentStatus status() {
        return status;
    }

    public IncidentAlert alert() {
        return alert;
    }

    public int attempt() {
        return attempt;
    }

    public Instant leaseUntil() {
        return leaseUntil;
    }

    public FailureReason failure() {
        return failure;
    }

    /** The latest verdict, or null before one is recorded. */
    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /** The alerts counted as this incident, the first one included; null before it is received. */
    public Occurrences occurrences() {
        return occurrences;
    }

    /** Closed with a verdict that no later evidence will change: its episode ends one window from now. */
    public boolean verdictFinal() {
        return status == IncidentStatus.CONTEXT_GATHERED && (diagnosis == null || !diagnosis.pending());
    }
}

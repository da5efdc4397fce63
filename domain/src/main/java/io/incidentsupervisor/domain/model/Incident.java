package io.incidentsupervisor.domain.model;

import io.incidentsupervisor.domain.model.IncidentRefusal.IncidentClosed;
import io.incidentsupervisor.domain.model.IncidentRefusal.InvestigationAlreadyStarted;
import io.incidentsupervisor.domain.model.IncidentRefusal.InvestigationInProgress;
import io.incidentsupervisor.domain.model.IncidentRefusal.NotInvestigating;
import io.incidentsupervisor.domain.model.IncidentRefusal.RetryNotAllowed;
import io.incidentsupervisor.domain.model.IncidentRefusal.StaleAttempt;
import io.incidentsupervisor.domain.model.IncidentRefusal.UnknownIncident;
import java.time.Instant;
import java.util.List;

/**
 * The incident as a pure decider: {@link #decide} turns a command into the events it causes (or refuses it), and
 * {@link #evolve} folds an event into the next state. Neither reads a clock nor touches I/O.
 *
 * <p>An investigation attempt holds a lease that each collector heartbeat renews; once {@code now} reaches the lease
 * end the attempt is stale, and only then may {@link RetryInvestigation} start the next one.
 */
public final class Incident {

    private static final Incident ABSENT = new Incident(null, IncidentStatus.ABSENT, null, 0, null, null);

    private final IncidentId id;
    private final IncidentStatus status;
    private final IncidentAlert alert;
    private final int attempt;
    private final Instant leaseUntil;
    private final FailureReason failure;

    private Incident(IncidentId id, IncidentStatus status, IncidentAlert alert, int attempt, Instant leaseUntil, FailureReason failure) {
        this.id = id;
        this.status = status;
        this.alert = alert;
        this.attempt = attempt;
        this.leaseUntil = leaseUntil;
        this.failure = failure;
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

    public List<IncidentEvent> decide(IncidentCommand command) {
        if (command instanceof ReceiveIncident receive) {
            return status == IncidentStatus.ABSENT
                    ? List.of(new IncidentReceived(receive.incidentId(), receive.alert(), receive.now()))
                    : List.of();
        }
        if (status == IncidentStatus.ABSENT) {
            throw new UnknownIncident(command.incidentId());
        }
        if (command instanceof StartInvestigation start) {
            return start(start);
        }
        if (command instanceof RecordCollectorOutcome outcome) {
            requireInvestigating(outcome.attempt());
            return List.of(new CollectorFinished(id, attempt, outcome.collector(), outcome.succeeded(), outcome.now(), outcome.leaseUntil()));
        }
        if (command instanceof RecordContext record) {
            requireInvestigating(record.attempt());
            return List.of(new ContextGathered(id, attempt, record.context(), record.now()));
        }
        if (command instanceof FailInvestigation fail) {
            requireInvestigating(fail.attempt());
            return List.of(new InvestigationFailed(id, attempt, fail.reason(), fail.now()));
        }
        return retry((RetryInvestigation) command);
    }

    public Incident evolve(IncidentEvent event) {
        if (event instanceof IncidentReceived received) {
            return new Incident(received.incidentId(), IncidentStatus.RECEIVED, received.alert(), 0, null, null);
        }
        if (event instanceof InvestigationStarted started) {
            return new Incident(id, IncidentStatus.INVESTIGATING, alert, started.attempt(), started.leaseUntil(), null);
        }
        if (event instanceof CollectorFinished finished) {
            return new Incident(id, status, alert, attempt, finished.leaseUntil(), failure);
        }
        if (event instanceof ContextGathered) {
            return new Incident(id, IncidentStatus.CONTEXT_GATHERED, alert, attempt, null, null);
        }
        if (event instanceof InvestigationFailed failed) {
            return new Incident(id, IncidentStatus.FAILED, alert, attempt, null, failed.reason());
        }
        // InvestigationRetried changes nothing by itself: the InvestigationStarted decided with it opens the next attempt.
        return this;
    }

    /** True once the running attempt's lease has passed: the function investigating it died or stalled. */
    public boolean isStale(Instant now) {
        return status == IncidentStatus.INVESTIGATING && !now.isBefore(leaseUntil);
    }

    private List<IncidentEvent> start(StartInvestigation start) {
        switch (status) {
            case RECEIVED:
                return List.of(new InvestigationStarted(id, 1, start.now(), start.leaseUntil()));
            case INVESTIGATING:
                if (!isStale(start.now())) {
                    throw new InvestigationInProgress(id, attempt, leaseUntil);
                }
                throw new InvestigationAlreadyStarted(id, attempt);
            case FAILED:
                throw new InvestigationAlreadyStarted(id, attempt);
            default:
                throw new IncidentClosed(id);
        }
    }

    private List<IncidentEvent> retry(RetryInvestigation retry) {
        String cause;
        switch (status) {
            case INVESTIGATING:
                if (!isStale(retry.now())) {
                    throw new InvestigationInProgress(id, attempt, leaseUntil);
                }
                cause = "lease of attempt " + attempt + " passed at " + leaseUntil;
                break;
            case FAILED:
                if (!failure.retryable()) {
                    throw new RetryNotAllowed(id, "attempt " + attempt + " failed with the non-retryable " + failure.type());
                }
                cause = "attempt " + attempt + " failed with the retryable " + failure.type();
                break;
            case RECEIVED:
                throw new RetryNotAllowed(id, "no investigation was started yet; start one");
            default:
                throw new IncidentClosed(id);
        }
        return List.of(
                new InvestigationRetried(id, attempt, cause, retry.now()),
                new InvestigationStarted(id, attempt + 1, retry.now(), retry.leaseUntil()));
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
}

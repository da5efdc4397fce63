package io.incidentsupervisor.domain.model;

import java.time.Instant;

/** A command the incident's current state does not allow; each subtype names one business rule. */
public abstract sealed class IncidentRefusal extends RuntimeException {

    private final transient IncidentId incidentId;

    private IncidentRefusal(IncidentId incidentId, String message) {
        super(incidentId + ": " + message);
        this.incidentId = incidentId;
    }

    public IncidentId incidentId() {
        return incidentId;
    }

    /** No alert was ever received for this incident. */
    public static final class UnknownIncident extends IncidentRefusal {
        public UnknownIncident(IncidentId incidentId) {
            super(incidentId, "no such incident");
        }
    }

    /** Another attempt holds a live lease: starting one more would investigate the incident twice. */
    public static final class InvestigationInProgress extends IncidentRefusal {
        private final transient Instant leaseUntil;

        public InvestigationInProgress(IncidentId incidentId, int attempt, Instant leaseUntil) {
            super(incidentId, "attempt " + attempt + " holds its lease until " + leaseUntil);
            this.leaseUntil = leaseUntil;
        }

        public Instant leaseUntil() {
            return leaseUntil;
        }
    }

    /** Received but not started, and not stale yet: the invocation that received it may still start its first attempt. */
    public static final class AwaitingFirstAttempt extends IncidentRefusal {
        public AwaitingFirstAttempt(IncidentId incidentId, Instant staleAt) {
            super(incidentId, "received and not started yet; its first attempt may still start until " + staleAt);
        }
    }

    /** Context and failures are recorded only while an investigation runs. */
    public static final class NotInvestigating extends IncidentRefusal {
        public NotInvestigating(IncidentId incidentId, IncidentStatus status) {
            super(incidentId, "no investigation is running (status " + status + ")");
        }
    }

    /** The command comes from an attempt that was since given up for a newer one. */
    public static final class StaleAttempt extends IncidentRefusal {
        public StaleAttempt(IncidentId incidentId, int attempt, int currentAttempt) {
            super(incidentId, "attempt " + attempt + " was superseded by attempt " + currentAttempt);
        }
    }

    /** The context was gathered: the incident is closed for good. */
    public static final class IncidentClosed extends IncidentRefusal {
        public IncidentClosed(IncidentId incidentId) {
            super(incidentId, "the context was gathered already; the incident is closed");
        }
    }

    /** A failure that retrying cannot mend: recovery refuses it. */
    public static final class RetryNotAllowed extends IncidentRefusal {
        public RetryNotAllowed(IncidentId incidentId, String why) {
            super(incidentId, "cannot retry: " + why);
        }
    }

    /** An occurrence must be of the incident's own failure ({@link FailureSignature}). */
    public static final class OtherFailure extends IncidentRefusal {
        public OtherFailure(IncidentId incidentId, FailureSignature other) {
            super(
                    incidentId,
                    "an alert of another failure (" + other.errorType() + " " + other.deniedAction()
                            + ") is not an occurrence of it");
        }
    }
}

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

    /** The first attempt was started already; a further one is a retry. */
    public static final class InvestigationAlreadyStarted extends IncidentRefusal {
        public InvestigationAlreadyStarted(IncidentId incidentId, int attempt) {
            super(incidentId, "attempt " + attempt + " was started already; retry the investigation instead");
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

    /** A retry needs a passed lease or a retryable failure. */
    public static final class RetryNotAllowed extends IncidentRefusal {
        public RetryNotAllowed(IncidentId incidentId, String why) {
            super(incidentId, "cannot retry: " + why);
        }
    }
}

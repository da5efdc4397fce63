package io.incidentsupervisor.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Test data shared by the domain tests and the Axon fixture tests: one alert and the events of its usual life. */
public final class SampleIncidents {

    public static final Instant ALERTED_AT = Instant.parse("2026-11-23T08:00:00Z");
    public static final Instant T0 = ALERTED_AT.plusSeconds(2);
    public static final Duration LEASE = Duration.ofMinutes(5);
    public static final IncidentAlert ALERT = IncidentAlert.of(
            "S3AccessError",
            "Access Denied when calling GetObject on s3://orders/2026/11/23.csv",
            "AccessDenied",
            "data-processor",
            "2026-11-23T08:00:00Z");
    public static final IncidentId ID = ALERT.incidentId();

    private SampleIncidents() {}

    /** The same failure as {@link #ALERT}, alerted {@code seconds} later. */
    public static IncidentAlert repeat(long seconds) {
        return new IncidentAlert(
                ALERT.errorType(),
                ALERT.errorMessage(),
                ALERT.errorCode(),
                ALERT.lambdaName(),
                ALERT.timestamp().plusSeconds(seconds));
    }

    public static IncidentRecurred recurred(String messageId, long secondsAfterFirst) {
        return new IncidentRecurred(
                ID, messageId, ALERT.timestamp().plusSeconds(secondsAfterFirst), T0.plusSeconds(secondsAfterFirst));
    }

    public static IncidentReceived received() {
        return new IncidentReceived(ID, ALERT, T0);
    }

    public static InvestigationStarted started(int attempt, Instant at) {
        return new InvestigationStarted(ID, attempt, at, at.plus(LEASE));
    }

    public static EnrichedContext context(Instant at) {
        return new EnrichedContext(
                ALERT,
                List.of(CollectorResult.gathered("lambda-configuration", java.util.Map.of("Runtime", "python3.12"))),
                at,
                42,
                new TruncationReport("o200k_base", 3000, 42, 42, java.util.Map.of(), List.of(), 0));
    }

    public static ContextGathered gathered(int attempt, Instant at) {
        return new ContextGathered(ID, attempt, context(at), at);
    }

    public static InvestigationFailed failed(int attempt, boolean retryable, Instant at) {
        return new InvestigationFailed(
                ID, attempt, new FailureReason(retryable ? "Throttled" : "ValidationError", "boom", retryable), at);
    }
}

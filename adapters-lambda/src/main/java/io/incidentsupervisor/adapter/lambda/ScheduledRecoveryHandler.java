package io.incidentsupervisor.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.incidentsupervisor.application.port.in.RecheckChangeEvidence;
import io.incidentsupervisor.application.port.in.RecoverStaleIncidents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The schedule's handler (an EventBridge rule): recovers every stale investigation it finds, then reads the role's
 * history again for incidents whose change evidence is pending, all before the invocation's deadline. The scheduled
 * event's content is not read; the answer is the run's counts.
 */
public final class ScheduledRecoveryHandler
        implements RequestHandler<Map<String, Object>, ScheduledRecoveryHandler.Run> {

    /** What one run did: the stale incidents' recovery, then the pending change evidence. */
    public record Run(
            int stale,
            List<String> recovered,
            List<String> refused,
            List<String> failed,
            int leftForNextRun,
            List<String> evidenceRechecked,
            List<String> evidenceFound,
            List<String> evidenceNotFound) {}

    private final RecoverStaleIncidents recovery;
    private final RecheckChangeEvidence evidence;
    private final Clock clock;

    public ScheduledRecoveryHandler(RecoverStaleIncidents recovery, RecheckChangeEvidence evidence, Clock clock) {
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Run handleRequest(Map<String, Object> scheduledEvent, Context context) {
        Instant deadline = clock.instant().plusMillis(context.getRemainingTimeInMillis());
        RecoverStaleIncidents.Report recovered = recovery.recoverStale(context.getAwsRequestId(), deadline);
        RecheckChangeEvidence.Report rechecked = evidence.recheck(context.getAwsRequestId(), deadline);
        return new Run(
                recovered.stale(),
                recovered.recovered(),
                recovered.refused(),
                recovered.failed(),
                recovered.leftForNextRun(),
                rechecked.rechecked(),
                rechecked.found(),
                rechecked.notFound());
    }
}

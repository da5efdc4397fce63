package io.incidentsupervisor.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.incidentsupervisor.application.port.in.RecoverStaleIncidents;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The schedule's handler (an EventBridge rule): recovers every stale investigation it finds before the invocation's
 * deadline. The scheduled event's content is not read; the answer is the run's counts.
 */
public final class ScheduledRecoveryHandler
        implements RequestHandler<Map<String, Object>, RecoverStaleIncidents.Report> {

    private final RecoverStaleIncidents recovery;
    private final Clock clock;

    public ScheduledRecoveryHandler(RecoverStaleIncidents recovery, Clock clock) {
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RecoverStaleIncidents.Report handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return recovery.recoverStale(
                context.getAwsRequestId(), clock.instant().plusMillis(context.getRemainingTimeInMillis()));
    }
}

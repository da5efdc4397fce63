package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Instant;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The second Lambda entry, run on a schedule (an EventBridge rule): recovers every stale investigation it finds. The
 * scheduled event's content is not read; the answer is the run's counts.
 */
public final class StaleRecoveryEntry implements RequestHandler<Map<String, Object>, StaleRecovery.Report> {

    private final IncidentSupervisor supervisor;

    public StaleRecoveryEntry() {
        this.supervisor = LambdaWiring.supervisor();
    }

    @Override
    public StaleRecovery.Report handleRequest(Map<String, Object> scheduledEvent, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            Instant deadline = Instant.now().plusMillis(context.getRemainingTimeInMillis());
            return supervisor.staleRecovery.recoverAll(context.getAwsRequestId(), deadline);
        } finally {
            MDC.remove("requestId");
        }
    }
}

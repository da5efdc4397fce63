package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.incidentsupervisor.adapter.lambda.ScheduledRecoveryHandler;
import java.util.Map;
import org.slf4j.MDC;

/** The class the Lambda runtime instantiates for the schedule (an EventBridge rule); see {@link ScheduledRecoveryHandler}. */
public final class StaleRecoveryEntry implements RequestHandler<Map<String, Object>, ScheduledRecoveryHandler.Run> {

    private final ScheduledRecoveryHandler handler;

    public StaleRecoveryEntry() {
        this.handler = LambdaWiring.supervisor().recoveryHandler();
    }

    @Override
    public ScheduledRecoveryHandler.Run handleRequest(Map<String, Object> scheduledEvent, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            return handler.handleRequest(scheduledEvent, context);
        } finally {
            MDC.remove("requestId");
        }
    }
}

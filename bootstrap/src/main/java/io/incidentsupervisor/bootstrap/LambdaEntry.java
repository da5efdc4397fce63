package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import org.slf4j.MDC;

/**
 * The class the Lambda runtime instantiates for the SNS subscription (no-arg constructor). The service is wired once per
 * execution environment, during the first construction, never inside the handler method.
 */
public final class LambdaEntry implements RequestHandler<SNSEvent, Void> {

    private final IncidentSupervisor supervisor;

    public LambdaEntry() {
        this.supervisor = LambdaWiring.supervisor();
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            return supervisor.snsHandler.handleRequest(event, context);
        } finally {
            MDC.remove("requestId");
        }
    }
}

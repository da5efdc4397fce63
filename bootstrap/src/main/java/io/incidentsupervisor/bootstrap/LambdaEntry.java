package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.incidentsupervisor.adapter.lambda.SnsAlertHandler;
import org.slf4j.MDC;

/**
 * The class the Lambda runtime instantiates for the SNS subscription (no-arg constructor). The service is wired once per
 * execution environment, during the first construction, never inside the handler method.
 */
public final class LambdaEntry implements RequestHandler<SNSEvent, Void> {

    private final SnsAlertHandler handler;

    public LambdaEntry() {
        this.handler = LambdaWiring.supervisor().snsHandler();
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            return handler.handleRequest(event, context);
        } finally {
            MDC.remove("requestId");
        }
    }
}

package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.incidentsupervisor.adapter.lambda.SqsAlertHandler;
import org.slf4j.MDC;

/**
 * The class the Lambda runtime instantiates for the SQS event source mapping (no-arg constructor). The service is wired once per
 * execution environment, during the first construction, never inside the handler method.
 */
public final class SqsLambdaEntry implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final SqsAlertHandler handler;

    public SqsLambdaEntry() {
        this.handler = LambdaWiring.supervisor().sqsHandler();
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            return handler.handleRequest(event, context);
        } finally {
            MDC.remove("requestId");
        }
    }
}

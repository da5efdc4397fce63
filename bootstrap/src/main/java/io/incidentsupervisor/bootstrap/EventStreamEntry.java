package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.incidentsupervisor.adapter.lambda.EventStreamHandler;
import org.slf4j.MDC;

/**
 * The class the Lambda runtime instantiates for the event table's stream (event source mapping with
 * {@code ReportBatchItemFailures}): lifecycle events of what was committed, to the bus {@code EVENT_BUS} names.
 */
public final class EventStreamEntry implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private final EventStreamHandler handler;

    public EventStreamEntry() {
        this.handler = PublishingWiring.handler();
    }

    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            return handler.handleRequest(event, context);
        } finally {
            MDC.remove("requestId");
        }
    }
}

package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import io.incidentsupervisor.adapter.lambda.EmfAlertMetrics;
import org.slf4j.MDC;

/**
 * The class the Lambda runtime instantiates (no-arg constructor). The service is wired once per execution environment,
 * during the first construction, never inside the handler method.
 */
public final class LambdaEntry implements RequestHandler<SNSEvent, Void> {

    private static final class Wired {
        static final IncidentSupervisor SUPERVISOR = start(Settings.from(System.getenv()));

        private static IncidentSupervisor start(Settings settings) {
            return new IncidentSupervisor(settings, IncidentSupervisor.AwsClients.forRegion(settings.region()), new EmfAlertMetrics());
        }
    }

    private final IncidentSupervisor supervisor;

    public LambdaEntry() {
        this.supervisor = Wired.SUPERVISOR;
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

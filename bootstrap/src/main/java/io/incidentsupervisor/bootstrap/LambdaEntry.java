package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;

/**
 * The class the Lambda runtime instantiates (no-arg constructor). The service is wired once per execution environment,
 * during the first construction, never inside the handler method.
 */
public final class LambdaEntry implements RequestHandler<SNSEvent, Void> {

    private static final class Wired {
        static final IncidentSupervisor SUPERVISOR = new IncidentSupervisor(Settings.from(System.getenv()), IncidentSupervisor.AwsClients.fromEnvironment());
    }

    private final IncidentSupervisor supervisor;

    public LambdaEntry() {
        this.supervisor = Wired.SUPERVISOR;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        return supervisor.snsHandler.handleRequest(event, context);
    }
}

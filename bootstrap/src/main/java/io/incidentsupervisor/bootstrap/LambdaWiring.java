package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.lambda.EmfAlertMetrics;

/** The service as the Lambda entries share it: wired once per execution environment, on first use, from the environment. */
final class LambdaWiring {

    private LambdaWiring() {}

    private static final class Holder {
        static final IncidentSupervisor SUPERVISOR = start(Settings.from(System.getenv()));

        private static IncidentSupervisor start(Settings settings) {
            return IncidentSupervisor.start(settings, new AwsClients(settings.region()), new EmfAlertMetrics());
        }
    }

    static IncidentSupervisor supervisor() {
        return Holder.SUPERVISOR;
    }
}

package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.lambda.EmfAlertMetrics;
import java.time.Clock;

/**
 * The service as the Lambda entries share it: wired once per execution environment, on first use, from the environment,
 * with SnapStart's hooks registered (they run only where Lambda takes a snapshot).
 */
final class LambdaWiring {

    private LambdaWiring() {}

    private static final class Holder {
        static final Settings SETTINGS = Settings.from(System.getenv());
        static final AwsClients CLIENTS = new AwsClients(SETTINGS.region());
        static final IncidentSupervisor SUPERVISOR =
                IncidentSupervisor.start(SETTINGS, CLIENTS, new EmfAlertMetrics(Clock.systemUTC()));
        /** Never read, only held: the CRaC context holds its resources weakly. */
        @SuppressWarnings("UnusedVariable")
        static final SnapStartHooks HOOKS =
                SnapStartHooks.register(new Priming(SUPERVISOR.stores().fitter(), CLIENTS, Clock.systemUTC())::run);
    }

    static IncidentSupervisor supervisor() {
        return Holder.SUPERVISOR;
    }
}

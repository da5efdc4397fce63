package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.RecoverStaleIncidents;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "recover",
        mixinStandardHelpOptions = true,
        description = "Starts the next investigation attempt of a stale or retryably failed incident, and runs it.")
final class RecoverCommand extends CliCommand {

    static final class Target {
        @Parameters(paramLabel = "INCIDENT_ID", description = "{lambda_name}#{timestamp}")
        String incidentId;

        @Option(names = "--all-stale", description = "Every incident the stale command lists.")
        boolean allStale;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        IncidentId single = target.allStale ? null : new IncidentId(target.incidentId);
        String requestId = "cli-recover-" + UUID.randomUUID();
        Instant deadline = clock.instant().plus(LocalLambdaContext.SUPERVISOR_TIMEOUT);
        try (CliRuntime runtime =
                CliRuntime.open(environment(), CliRuntime.Storage.PERSISTED, CliRuntime.Needs.SERVICE)) {
            if (single == null) {
                RecoverStaleIncidents.Report report =
                        runtime.service().recoverStale().recoverStale(requestId, deadline);
                if (options.json) {
                    Timeline.printJson(report, out());
                } else {
                    out().printf(
                                    "%d stale: %d recovered %s, %d recovered meanwhile by another run %s, %d failed %s%n",
                                    report.stale(),
                                    report.recovered().size(),
                                    report.recovered(),
                                    report.refused().size(),
                                    report.refused(),
                                    report.failed().size(),
                                    report.failed());
                }
                return report.failed().isEmpty() ? SupervisorCli.OK : SupervisorCli.FAILED;
            }
            Outcome outcome =
                    runtime.service().recoverIncident().recover(single, new Delivery(requestId, requestId, deadline));
            Deliveries.Delivered recovered = Deliveries.delivered(requestId, outcome);
            if (options.json) {
                Timeline.printJson(recovered, out());
            } else {
                out().printf("%s  %-12s %s%n", recovered.incidentId(), recovered.outcome(), recovered.detail());
            }
        }
        return SupervisorCli.OK;
    }
}

package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.adapter.lambda.ScheduledRecoveryHandler;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
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

        @Option(
                names = "--all-stale",
                description =
                        "Every incident the stale command lists, then every pending change evidence: what the schedule runs.")
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
        try (CliRuntime runtime = open(CliRuntime.Needs.SERVICE)) {
            if (single == null) {
                // What the schedule runs: stale incidents recovered, then pending change evidence read again.
                ScheduledRecoveryHandler.Run run = runtime.service()
                        .recoveryHandler()
                        .handleRequest(
                                Map.of(),
                                LocalLambdaContext.of(requestId, LocalLambdaContext.SUPERVISOR_TIMEOUT, clock));
                if (options.json) {
                    Timeline.printJson(run, out());
                } else {
                    out().printf(
                                    "%d stale: %d recovered %s, %d recovered meanwhile by another run %s, %d failed %s%n",
                                    run.stale(),
                                    run.recovered().size(),
                                    run.recovered(),
                                    run.refused().size(),
                                    run.refused(),
                                    run.failed().size(),
                                    run.failed());
                    out().printf(
                                    "%d with pending change evidence: %d found %s, %d not found %s%n",
                                    run.evidenceRechecked().size(),
                                    run.evidenceFound().size(),
                                    run.evidenceFound(),
                                    run.evidenceNotFound().size(),
                                    run.evidenceNotFound());
                }
                return run.failed().isEmpty() ? SupervisorCli.OK : SupervisorCli.FAILED;
            }
            Outcome outcome =
                    runtime.service().recoverIncident().recover(single, new Delivery(requestId, requestId, deadline));
            Deliveries.Delivered recovered = Deliveries.delivered(requestId, outcome);
            if (options.json) {
                Timeline.printJson(recovered, out());
            } else {
                out().printf(
                                "%s  %-12s %s%n",
                                recovered.incidentId(),
                                recovered.outcome(),
                                io.incidentsupervisor.domain.model.Text.printable(recovered.detail()));
            }
        }
        return SupervisorCli.OK;
    }
}

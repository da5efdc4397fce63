package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.investigation.Delivery;
import io.incidentsupervisor.application.investigation.Outcome;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Starts the next investigation attempt of a stale or retryably failed incident, and runs it.")
final class RecoverCommand implements Callable<Integer> {

    static final class Target {
        @Parameters(paramLabel = "INCIDENT_ID", description = "{lambda_name}#{timestamp}")
        String incidentId;
        @Option(names = "--all-stale", description = "Every incident the stale command lists.")
        boolean allStale;
    }

    @ParentCommand
    SupervisorCli cli;
    @Mixin
    CliOptions options;
    @Spec
    CommandSpec spec;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Override
    public Integer call() {
        Clock clock = Clock.systemUTC();
        IncidentId single = target.allStale ? null : new IncidentId(target.incidentId);
        try (CliRuntime runtime = CliRuntime.open(cli.environment, CliRuntime.Storage.PERSISTED)) {
            List<IncidentId> ids = single != null ? List.of(single) : runtime.supervisor.states.staleAt(clock.instant());
            List<Deliveries.Delivered> recovered = new ArrayList<>();
            for (IncidentId id : ids) {
                String requestId = "cli-recover-" + UUID.randomUUID();
                Instant deadline = clock.instant().plus(CliLambdaContext.TIMEOUT);
                Outcome outcome = runtime.supervisor.investigation.recover(id, new Delivery(requestId, requestId, deadline));
                recovered.add(Deliveries.delivered(requestId, outcome));
            }
            if (options.json) {
                Timeline.printJson(recovered, spec.commandLine().getOut());
            } else if (recovered.isEmpty()) {
                spec.commandLine().getOut().println("No stale incidents to recover.");
            } else {
                recovered.forEach(r -> spec.commandLine().getOut().printf("%s  %-12s %s%n", r.incidentId(), r.outcome(), r.detail()));
            }
        }
        return SupervisorCli.OK;
    }
}

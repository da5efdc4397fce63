package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.projection.IncidentStateRow;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "stale", mixinStandardHelpOptions = true,
        description = "Lists open incidents whose investigation lease has run out (killed by a timeout, or never started).")
final class StaleCommand implements Callable<Integer> {

    @ParentCommand
    SupervisorCli cli;
    @Mixin
    CliOptions options;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (CliRuntime runtime = CliRuntime.open(cli.environment, CliRuntime.Storage.PERSISTED)) {
            List<IncidentStateRow> stale = new ArrayList<>();
            for (IncidentId id : runtime.supervisor.states.staleAt(Instant.now())) {
                runtime.supervisor.states.find(id).ifPresent(stale::add);
            }
            if (options.json) {
                Timeline.printJson(stale, spec.commandLine().getOut());
            } else if (stale.isEmpty()) {
                spec.commandLine().getOut().println("No stale incidents.");
            } else {
                stale.forEach(row -> spec.commandLine().getOut().printf("%s  %s  attempt %d  stale since %s%n", row.incidentId(), row.status(),
                        row.attempt(), row.staleAt()));
            }
        }
        return SupervisorCli.OK;
    }
}

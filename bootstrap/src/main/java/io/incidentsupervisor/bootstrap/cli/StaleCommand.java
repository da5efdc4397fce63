package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.out.IncidentStateRow;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

@Command(
        name = "stale",
        mixinStandardHelpOptions = true,
        description =
                "Lists open incidents whose investigation lease has run out (killed by a timeout, or never started).")
final class StaleCommand extends CliCommand {

    @Override
    public Integer call() {
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            List<IncidentStateRow> stale = runtime.stores().stale().staleAt(Instant.now());
            if (options.json) {
                Timeline.printJson(stale, out());
            } else if (stale.isEmpty()) {
                out().println("No stale incidents.");
            } else {
                stale.forEach(row -> out().printf(
                                "%s  %s  attempt %d  stale since %s%n",
                                row.incidentId(), row.status(), row.attempt(), row.staleAt()));
            }
        }
        return SupervisorCli.OK;
    }
}

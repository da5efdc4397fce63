package io.incidentsupervisor.bootstrap.cli;

import java.util.Map;
import picocli.CommandLine.Command;

@Command(
        name = "projections",
        mixinStandardHelpOptions = true,
        description = "Maintains the projections agents read.",
        subcommands = ProjectionsCommand.Rebuild.class)
final class ProjectionsCommand {

    @Command(
            name = "rebuild",
            mixinStandardHelpOptions = true,
            description =
                    "Recomputes every incident-state and incident-context row from the event stream, reporting progress on standard error.")
    static final class Rebuild extends CliCommand {

        @Override
        public Integer call() {
            try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
                long[] read = {0};
                int incidents = runtime.stores().rebuild().rebuild(events -> {
                    read[0] = events;
                    err().println("read " + events + " events");
                });
                if (options.json) {
                    Timeline.printJson(Map.of("incidents", incidents, "events", read[0]), out());
                } else {
                    out().println("Rebuilt the projections of " + incidents + " incidents from " + read[0]
                            + " events.");
                }
            }
            return SupervisorCli.OK;
        }
    }
}

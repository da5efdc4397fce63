package io.incidentsupervisor.bootstrap.cli;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "projections", mixinStandardHelpOptions = true, description = "Maintains the projections agents read.",
        subcommands = ProjectionsCommand.Rebuild.class)
final class ProjectionsCommand {

    @ParentCommand
    SupervisorCli cli;

    @Command(name = "rebuild", mixinStandardHelpOptions = true,
            description = "Recomputes every incident-state and incident-context row from the event stream, reporting progress on standard error.")
    static final class Rebuild implements Callable<Integer> {

        @ParentCommand
        ProjectionsCommand projections;
        @Mixin
        CliOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (CliRuntime runtime = CliRuntime.open(projections.cli.environment, CliRuntime.Storage.PERSISTED)) {
                long[] read = {0};
                int incidents = runtime.supervisor.projections.rebuild(events -> {
                    read[0] = events;
                    spec.commandLine().getErr().println("read " + events + " events");
                });
                if (options.json) {
                    Timeline.printJson(Map.of("incidents", incidents, "events", read[0]), spec.commandLine().getOut());
                } else {
                    spec.commandLine().getOut().println("Rebuilt the projections of " + incidents + " incidents from " + read[0] + " events.");
                }
            }
            return SupervisorCli.OK;
        }
    }
}

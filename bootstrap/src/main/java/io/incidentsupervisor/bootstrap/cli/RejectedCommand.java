package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.intake.RejectedAlert;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rejected", mixinStandardHelpOptions = true,
        description = "Lists the malformed alerts that were kept instead of investigated, newest first (--json includes their bodies).")
final class RejectedCommand implements Callable<Integer> {

    @ParentCommand
    SupervisorCli cli;
    @Mixin
    CliOptions options;
    @Spec
    CommandSpec spec;
    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
        }
        try (CliRuntime runtime = CliRuntime.open(cli.environment, CliRuntime.Storage.PERSISTED)) {
            List<RejectedAlert> rejected = runtime.supervisor.rejected.latest(limit);
            if (options.json) {
                Timeline.printJson(rejected, spec.commandLine().getOut());
            } else if (rejected.isEmpty()) {
                spec.commandLine().getOut().println("No rejected alerts.");
            } else {
                rejected.forEach(r -> spec.commandLine().getOut().printf("%s  %s  %s%n", r.rejectedAt(), r.messageId(), r.reason()));
            }
        }
        return SupervisorCli.OK;
    }
}

package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.out.RejectedAlert;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "rejected",
        mixinStandardHelpOptions = true,
        description =
                "Lists the malformed alerts that were kept instead of investigated, newest first (--json includes their bodies).")
final class RejectedCommand extends CliCommand {
    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            List<RejectedAlert> rejected = runtime.stores().rejected().latest(limit);
            if (options.json) {
                Timeline.printJson(rejected, out());
            } else if (rejected.isEmpty()) {
                out().println("No rejected alerts.");
            } else {
                rejected.forEach(r -> out().printf("%s  %s  %s%n", r.rejectedAt(), r.messageId(), r.reason()));
            }
        }
        return SupervisorCli.OK;
    }
}

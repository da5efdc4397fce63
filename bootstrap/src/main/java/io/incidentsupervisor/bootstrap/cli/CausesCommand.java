package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.in.RootCauseGroup;
import io.incidentsupervisor.application.port.out.RootCause;
import io.incidentsupervisor.domain.model.Text;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "causes",
        mixinStandardHelpOptions = true,
        description =
                "Groups incidents by the CloudTrail change their verdicts blame: the change, who made it and when,"
                        + " the revert, the functions and incidents it broke, and the roles at risk from it.")
final class CausesCommand extends CliCommand {

    @Parameters(arity = "0..1", paramLabel = "EVENT_ID", description = "Only the group of this CloudTrail event id.")
    String eventId;

    @Option(
            names = "--limit",
            defaultValue = "1000",
            description = "Group at most this many incidents (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            List<RootCauseGroup> groups = eventId == null
                    ? runtime.stores().rootCauses().rootCauses(limit)
                    : runtime.stores().rootCauses().rootCause(eventId).stream().toList();
            if (options.json) {
                Timeline.printJson(groups, out());
            } else if (groups.isEmpty()) {
                out().println(eventId == null ? "No verdict names a change yet." : "No incident blames " + eventId);
            } else {
                groups.forEach(group -> print(group, out()));
            }
            return eventId != null && groups.isEmpty() ? SupervisorCli.FAILED : SupervisorCli.OK;
        }
    }

    private static void print(RootCauseGroup group, PrintWriter out) {
        RootCause cause = group.cause();
        out.printf(
                "%s  %s by %s at %s%n",
                Text.printable(cause.eventId()),
                Text.printable(cause.eventName()),
                Text.printable(cause.actorArn()),
                cause.time());
        if (!cause.policy().isEmpty()) {
            out.println("  policy:  " + Text.printable(cause.policy()));
        }
        if (!cause.revert().isEmpty()) {
            out.println("  revert:  " + Text.printable(cause.revert()));
        }
        out.printf(
                "  broke:   %s (%d incidents, %d alerts)%n",
                Text.printable(String.join(", ", group.functions())),
                group.incidents().size(),
                group.occurrences());
        group.incidents()
                .forEach(member -> out.printf(
                        "    %s  %-16s %d alerts, last %s%n",
                        Text.printable(member.incidentId().value()),
                        member.status(),
                        member.occurrences(),
                        member.lastSeen()));
        if (!group.atRisk().isEmpty()) {
            out.println("  at risk: " + Text.printable(String.join(", ", group.atRisk()))
                    + (group.atRiskFunctions().isEmpty()
                            ? ""
                            : " (run by " + Text.printable(String.join(", ", group.atRiskFunctions())) + ")"));
        }
    }
}

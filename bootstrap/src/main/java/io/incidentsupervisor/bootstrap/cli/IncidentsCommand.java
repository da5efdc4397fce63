package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.domain.model.Text;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "incidents",
        mixinStandardHelpOptions = true,
        description = "Lists incidents, the most recent failure first, from the incident-state projection.")
final class IncidentsCommand extends CliCommand {

    @Option(names = "--status", description = "Only incidents in this status: ${COMPLETION-CANDIDATES}.")
    IncidentStatus status;

    @Option(names = "--function", description = "Only this function's incidents.")
    String function;

    @Option(names = "--error-type", description = "Only incidents of this error_type.")
    String errorType;

    @Option(names = "--since", paramLabel = "INSTANT", description = "Only failures at or after this ISO-8601 instant.")
    Instant since;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(
            names = "--after",
            paramLabel = "INCIDENT_ID",
            description = "The next page: the incidents listed after this one (the cursor a full page ends with).")
    String after;

    @Override
    public Integer call() {
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            IncidentPage page = runtime.stores()
                    .incidents()
                    .recent(
                            new IncidentFilter(status, function, errorType, since),
                            after == null ? null : new IncidentId(after),
                            limit);
            List<IncidentStateRow> rows = page.incidents();
            if (options.json) {
                Timeline.printJson(rows, out());
            } else if (rows.isEmpty()) {
                out().println("No incidents.");
            } else {
                rows.forEach(row -> out().printf(
                                "%s  %-16s %-24s attempt %d  %d alerts, last %s%s  %s%n",
                                Text.printable(row.incidentId().value()),
                                row.status(),
                                Text.printable(row.errorType()),
                                row.attempt(),
                                row.occurrences(),
                                row.lastSeen(),
                                row.rootCause() == null
                                        ? ""
                                        : ", cause "
                                                + Text.printable(row.rootCause().eventId()),
                                row.error() == null
                                        ? ""
                                        : Text.printable(row.error().type() + ": "
                                                + row.error().message())));
            }
            if (page.next() != null) {
                err().println("More incidents: --after " + page.next());
            }
        }
        return SupervisorCli.OK;
    }
}

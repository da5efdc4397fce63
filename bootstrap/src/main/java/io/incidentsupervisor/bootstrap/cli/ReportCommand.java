package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.bootstrap.cli.web.IncidentViews;
import io.incidentsupervisor.bootstrap.cli.web.Pages;
import io.incidentsupervisor.domain.model.IncidentId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Writes an incident's page as one self-contained HTML file (no script, no external request),"
                + " to attach to a ticket.")
final class ReportCommand extends CliCommand {

    @Parameters(paramLabel = "INCIDENT_ID", description = "{lambda_name}#{timestamp}")
    String incidentId;

    @Option(names = "--html", paramLabel = "FILE", required = true, description = "The file to write.")
    Path html;

    @Override
    public Integer call() throws IOException {
        IncidentId id = new IncidentId(incidentId);
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            List<AuditEntry> history = runtime.stores().history().history(id);
            if (history.isEmpty()) {
                err().println("No incident " + id + " in the event store");
                return SupervisorCli.FAILED;
            }
            String page = new Pages()
                    .incident(IncidentViews.of(
                            id.value(), history, runtime.stores().states().state(id), null));
            Files.writeString(html, page, StandardCharsets.UTF_8);
            out().println("Wrote " + html + " (" + history.size() + " events)");
        }
        return SupervisorCli.OK;
    }
}

package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "history",
        mixinStandardHelpOptions = true,
        description = "Replays an incident's events from the event store, for audits.")
final class HistoryCommand extends CliCommand {
    @Parameters(
            paramLabel = "INCIDENT_ID",
            description = "{lambda_name}#{timestamp}, e.g. data-processor#2026-11-23T08:00:00.512Z")
    String incidentId;

    @Override
    public Integer call() {
        IncidentId id = new IncidentId(incidentId);
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            List<AuditEntry> history = runtime.stores().history().history(id);
            if (history.isEmpty()) {
                err().println("No incident " + id + " in the event store");
                return SupervisorCli.FAILED;
            }
            if (options.json) {
                Timeline.printJson(history, out());
            } else {
                out().println("Incident " + id + ", " + history.size() + " events:");
                Timeline.print(history, out());
            }
        }
        return SupervisorCli.OK;
    }
}

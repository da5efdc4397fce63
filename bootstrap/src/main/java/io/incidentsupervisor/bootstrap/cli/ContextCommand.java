package io.incidentsupervisor.bootstrap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentsupervisor.application.port.out.IncidentContextRow;
import io.incidentsupervisor.domain.model.IncidentId;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "context",
        mixinStandardHelpOptions = true,
        description = "Prints the context an agent reads for an incident (the incident-context projection).")
final class ContextCommand extends CliCommand {
    @Parameters(paramLabel = "INCIDENT_ID", description = "{lambda_name}#{timestamp}")
    String incidentId;

    @Override
    public Integer call() throws Exception {
        IncidentId id = new IncidentId(incidentId);
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            Optional<IncidentContextRow> row = runtime.stores().contexts().context(id, Instant.now());
            if (row.isEmpty()) {
                err().println("No context for " + id + ": not investigated yet, or older than its retention");
                return SupervisorCli.FAILED;
            }
            print(row.get(), options.json, out());
        }
        return SupervisorCli.OK;
    }

    static void print(IncidentContextRow row, boolean json, PrintWriter out) throws Exception {
        ObjectNode document = Timeline.JSON.createObjectNode();
        document.put("incidentId", row.incidentId().value());
        document.put("errorType", row.errorType());
        document.put("createdAt", row.createdAt().toString());
        document.put("expiresAt", row.expiresAt().toString());
        document.set("context", Timeline.JSON.readTree(row.contextJson()));
        if (json) {
            Timeline.printJson(document, out);
        } else {
            out.println("Context for " + row.incidentId() + " (kept until " + row.expiresAt() + "):");
            Timeline.printJson(document.get("context"), out);
        }
    }
}

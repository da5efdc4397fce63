package io.incidentsupervisor.bootstrap.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentsupervisor.application.projection.IncidentContextRow;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "context", mixinStandardHelpOptions = true, description = "Prints the context an agent reads for an incident (the incident-context projection).")
final class ContextCommand implements Callable<Integer> {

    @ParentCommand
    SupervisorCli cli;
    @Mixin
    CliOptions options;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "INCIDENT_ID", description = "{lambda_name}#{timestamp}")
    String incidentId;

    @Override
    public Integer call() throws Exception {
        IncidentId id = new IncidentId(incidentId);
        try (CliRuntime runtime = CliRuntime.open(cli.environment, CliRuntime.Storage.PERSISTED)) {
            Optional<IncidentContextRow> row = runtime.supervisor.contexts.find(id, Instant.now());
            if (row.isEmpty()) {
                spec.commandLine().getErr().println("No context for " + id + ": not investigated yet, or older than its retention");
                return SupervisorCli.FAILED;
            }
            print(row.get(), options.json, spec);
        }
        return SupervisorCli.OK;
    }

    static void print(IncidentContextRow row, boolean json, CommandSpec spec) throws Exception {
        ObjectNode document = Timeline.JSON.createObjectNode();
        document.put("incidentId", row.incidentId().value());
        document.put("errorType", row.errorType());
        document.put("createdAt", row.createdAt().toString());
        document.put("expiresAt", row.expiresAt().toString());
        document.set("context", Timeline.JSON.readTree(row.contextJson()));
        if (json) {
            Timeline.printJson(document, spec.commandLine().getOut());
        } else {
            spec.commandLine().getOut().println("Context for " + row.incidentId() + " (kept until " + row.expiresAt() + "):");
            Timeline.printJson(document.get("context"), spec.commandLine().getOut());
        }
    }
}

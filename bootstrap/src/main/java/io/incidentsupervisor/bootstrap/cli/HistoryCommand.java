package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.investigation.AuditEntry;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "history", mixinStandardHelpOptions = true, description = "Replays an incident's events from the event store, for audits.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    SupervisorCli cli;
    @Mixin
    CliOptions options;
    @Spec
    CommandSpec spec;
    @Parameters(paramLabel = "INCIDENT_ID", description = "{lambda_name}#{timestamp}, e.g. data-processor#2026-11-23T08:00:00.512Z")
    String incidentId;

    @Override
    public Integer call() {
        IncidentId id = new IncidentId(incidentId);
        try (CliRuntime runtime = CliRuntime.open(cli.environment, CliRuntime.Storage.PERSISTED)) {
            List<AuditEntry> history = new AuditHistory(runtime.supervisor.axon.eventStore()).of(id);
            if (history.isEmpty()) {
                spec.commandLine().getErr().println("No incident " + id + " in the event store");
                return SupervisorCli.FAILED;
            }
            if (options.json) {
                Timeline.printJson(history, spec.commandLine().getOut());
            } else {
                spec.commandLine().getOut().println("Incident " + id + ", " + history.size() + " events:");
                Timeline.print(history, spec.commandLine().getOut());
            }
        }
        return SupervisorCli.OK;
    }
}

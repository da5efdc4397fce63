package io.incidentsupervisor.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.application.port.in.ListLifecycleEvents;
import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.bootstrap.Stores;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.Text;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
        name = "events",
        mixinStandardHelpOptions = true,
        description = {
            "The incident lifecycle events each incident's committed history gives (Incident Opened, Incident Recurred,"
                    + " Incident Diagnosed, Investigation Failed, Incident Stale), as EventBridge carries them:"
                    + " source incident-supervisor, detail version 1, a stable eventId. The same mapping publishing uses."
        })
final class EventsCommand extends CliCommand {

    @Parameters(arity = "0..1", paramLabel = "INCIDENT_ID", description = "Only this incident's events.")
    String incidentId;

    @Override
    public Integer call() {
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            Stores stores = runtime.stores();
            List<IncidentId> incidents = incidentId == null ? all(stores) : List.of(new IncidentId(incidentId));
            List<LifecycleEvent> events = new ArrayList<>();
            ListLifecycleEvents lifecycle = stores.lifecycleEvents();
            for (IncidentId id : incidents) {
                events.addAll(lifecycle.lifecycleEvents(id));
            }
            if (incidentId != null && events.isEmpty()) {
                err().println("No incident " + incidentId + " in the event store");
                return SupervisorCli.FAILED;
            }
            if (options.json) {
                Timeline.printJson(events, out());
            } else if (events.isEmpty()) {
                out().println("No incidents.");
            } else {
                print(events, out());
            }
            return SupervisorCli.OK;
        }
    }

    static void print(List<LifecycleEvent> events, PrintWriter out) {
        for (LifecycleEvent event : events) {
            out.printf("  %-27s %-21s %s%n", event.time(), event.detailType(), Text.printable(event.eventId()));
            String summary = summary(event.detail());
            if (!summary.isEmpty()) {
                out.println("      " + Text.printable(summary));
            }
        }
    }

    /** What a reader of the event learns first: the denial, its cause and the revert; the count; the failure. */
    private static String summary(JsonNode detail) {
        if (detail.has("deniedAction")) {
            JsonNode cause = detail.path("cause");
            return detail.path("deniedAction").asText() + " denied"
                    + (cause.isMissingNode()
                            ? ""
                            : "; cause " + cause.path("eventName").asText() + " (CloudTrail "
                                    + cause.path("eventId").asText() + ") by "
                                    + cause.path("actorArn").asText() + " at "
                                    + cause.path("time").asText())
                    + (detail.has("revert")
                            ? "; revert: " + detail.path("revert").asText()
                            : "");
        }
        if (detail.has("occurrences")) {
            return detail.path("occurrences").asInt() + " alerts";
        }
        if (detail.has("reason")) {
            return detail.at("/reason/type").asText() + ": "
                    + detail.at("/reason/message").asText();
        }
        return detail.path("cause").asText();
    }

    /** Every incident, oldest failure first, a page of the state table's index at a time. */
    private static List<IncidentId> all(Stores stores) {
        List<IncidentId> ids = new ArrayList<>();
        IncidentId after = null;
        IncidentFilter everything = new IncidentFilter(null, null, null, null);
        do {
            IncidentPage page = stores.incidents().recent(everything, after, 500);
            page.incidents().stream().map(IncidentStateRow::incidentId).forEach(ids::add);
            after = page.next();
        } while (after != null);
        java.util.Collections.reverse(ids);
        return ids;
    }
}

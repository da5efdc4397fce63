package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.incidentsupervisor.application.lifecycle.LifecycleEvents;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.out.IncidentContextRow;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.Text;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Investigates the sample incident end to end with no AWS account: the sample S3AccessError alert of data-processor,",
            "delivered twice (the second is a duplicate), against a fresh in-memory DynamoDB Local and the sample account on loopback;",
            "then prints the verdict (what was denied, the change that caused it, the revert), the timeline and the context an agent reads. Nothing is kept.",
            "--scenario managed-policy investigates order-exporter instead, broken by a new default version of a managed policy."
        })
final class DemoCommand extends CliCommand {

    static final String SAMPLE_EVENT = "examples/sns-s3-access-error.json";

    /** The sample account's scenarios: which function broke, how, and the alert it published. */
    enum Scenario {
        INLINE_POLICY("inline-policy", SAMPLE_EVENT, "data-processor lost its S3 permissions"),
        MANAGED_POLICY(
                "managed-policy",
                "examples/sns-managed-policy-edit.json",
                "order-exporter lost its S3 permissions when its managed policy orders-read got a new default version");

        final String name;
        final String event;
        final String story;

        Scenario(String name, String event, String story) {
            this.name = name;
            this.event = event;
            this.story = story;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final class Scenarios implements ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            for (Scenario scenario : Scenario.values()) {
                if (scenario.name.equals(value)) {
                    return scenario;
                }
            }
            throw new TypeConversionException(
                    "'" + value + "' is not a scenario: inline-policy (the default) or managed-policy");
        }
    }

    @Option(
            names = "--scenario",
            converter = Scenarios.class,
            paramLabel = "NAME",
            description = "inline-policy (default: data-processor's inline policy replaced) or managed-policy")
    Scenario scenario = Scenario.INLINE_POLICY;

    @Override
    public Integer call() throws Exception {
        Map<String, String> environment = new LinkedHashMap<>(environment());
        // The demo is self-contained: its own in-memory store and the sample account, whatever endpoints are
        // configured.
        List.of(
                        "AWS_ENDPOINT_URL_DYNAMODB",
                        "AWS_ENDPOINT_URL_LAMBDA",
                        "AWS_ENDPOINT_URL_IAM",
                        "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
                        "AWS_ENDPOINT_URL_CLOUDTRAIL",
                        "AWS_REGION",
                        "SUPERVISED_FUNCTIONS",
                        "LOG_GROUP_OVERRIDES")
                .forEach(environment::remove);
        PrintWriter out = out();
        try (CliRuntime runtime =
                CliRuntime.open(environment, CliRuntime.Storage.IN_MEMORY, CliRuntime.Needs.SERVICE, false)) {
            List<Deliveries.Delivered> deliveries = new ArrayList<>();
            for (int delivery = 1; delivery <= 2; delivery++) {
                deliveries.addAll(Deliveries.deliver(
                        runtime.service().snsHandler(), sampleEvent(scenario.event), Clock.systemUTC()));
            }
            IncidentId id = new IncidentId(deliveries.get(0).incidentId());
            List<AuditEntry> history = runtime.stores().history().history(id);
            IncidentContextRow context = runtime.stores()
                    .contexts()
                    .context(id, Instant.now())
                    .orElseThrow(() -> new IllegalStateException("The demo incident has no context row"));
            if (options.json) {
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("deliveries", deliveries);
                report.put("history", history);
                report.put("context", Timeline.JSON.readTree(context.contextJson()));
                report.put("events", LifecycleEvents.of(history));
                Timeline.printJson(report, out);
                return SupervisorCli.OK;
            }
            out.println("The sample alert: " + scenario.story + ", and it published " + scenario.event + " to SNS.");
            out.println();
            JsonNode diagnosis = Timeline.JSON.readTree(context.contextJson()).path("diagnosis");
            Verdict.print(diagnosis.isObject() ? Timeline.JSON.treeToValue(diagnosis, Diagnosis.class) : null, out);
            out.println();
            for (int i = 0; i < deliveries.size(); i++) {
                Deliveries.Delivered d = deliveries.get(i);
                out.printf(
                        "Delivery %d of SNS message %s: %s (%s)%n",
                        i + 1, Text.printable(d.messageId()), d.outcome(), Text.printable(d.detail()));
            }
            out.println();
            out.println("Timeline of " + id + " (replayed from the event store):");
            Timeline.print(history, out);
            out.println();
            out.println("Lifecycle events (what EventBridge consumers get; demo --json gives them whole, and supervisor"
                    + " events the persisted incidents'):");
            EventsCommand.print(LifecycleEvents.of(history), out);
            out.println();
            ContextCommand.print(context, false, out);
        }
        return SupervisorCli.OK;
    }

    private static SNSEvent sampleEvent(String event) throws Exception {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(event)) {
            if (in == null) {
                throw new IllegalStateException(event + " is missing from the CLI jar");
            }
            return LambdaEvents.read(in, event);
        }
    }
}

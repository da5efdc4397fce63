package io.incidentsupervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.investigation.KilledInvestigation;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.out.RejectedAlert;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** The packaged Lambda jar, alone on a fresh JVM's class path, loaded and invoked as the Lambda runtime does. */
class LambdaJarIT {

    private static final IncidentId INCIDENT = new IncidentId("data-processor#2026-11-23T08:00:00.512Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The environment Lambda would give the function: region, credentials, fresh tables, loopback endpoints. */
    private static Map<String, String> environment(AwsStubs aws) {
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_REGION",
                "eu-west-1",
                "SUPERVISED_FUNCTIONS",
                "data-processor",
                "AWS_LAMBDA_FUNCTION_NAME",
                "incident-supervisor",
                "AWS_ACCESS_KEY_ID",
                "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY",
                "local",
                "AWS_ENDPOINT_URL_DYNAMODB",
                SharedDynamoDbLocal.server().endpoint().toString()));
        String prefix = SharedDynamoDbLocal.uniquePrefix();
        environment.putAll(Map.of(
                "EVENTS_TABLE",
                prefix + "events",
                "SNAPSHOTS_TABLE",
                prefix + "snapshots",
                "STATE_TABLE",
                prefix + "state",
                "CONTEXT_TABLE",
                prefix + "context",
                "REJECTED_TABLE",
                prefix + "rejected",
                "EPISODES_TABLE",
                prefix + "episodes"));
        for (String service : List.of("LAMBDA", "IAM", "CLOUDWATCH_LOGS", "CLOUDTRAIL")) {
            environment.put("AWS_ENDPOINT_URL_" + service, aws.endpoint().toString());
        }
        return environment;
    }

    private static EventStoreTables eventTables(Map<String, String> environment) {
        Settings settings = Settings.from(environment);
        return new EventStoreTables(settings.eventsTable(), settings.snapshotsTable());
    }

    /** The same service in this JVM, on the same tables, to arrange and inspect what the spawned one does. */
    private static IncidentSupervisor inspector(Map<String, String> environment, AwsStubs aws) {
        IncidentSupervisor inspector = IncidentSupervisor.start(
                Settings.from(environment),
                AwsClients.of(SharedDynamoDbLocal.client(), aws.lambda(), aws.iam(), aws.logs(), aws.cloudTrail()),
                AlertMetrics.NONE);
        inspector.stores().createTablesIfMissing();
        return inspector;
    }

    @Test
    void theJarAloneHandlesARealSnsEventEndToEnd() throws Exception {
        try (AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies()) {
            Map<String, String> environment = environment(aws);
            IncidentSupervisor inspector = inspector(environment, aws);

            LambdaJarProcess.Result result = LambdaJarProcess.invoke(
                    LambdaJarProcess.LAMBDA_JAR.toString(),
                    LambdaJarProcess.DRIVER_SOURCE.toString(),
                    LambdaJarProcess.ENTRY,
                    Path.of("../examples/sns-s3-access-error.json"),
                    environment);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout())
                    .contains("HANDLED ")
                    .doesNotContain("hunter2-Sup3rS3cret")
                    .doesNotContain("tok_live_");
            List<JsonNode> lines = jsonLines(result.stdout());
            assertThat(lines).as("one JSON log line for the record").anySatisfy(line -> {
                assertThat(line.path("message").asText()).isEqualTo("Handled alert");
                assertThat(line.path("incidentId").asText()).isEqualTo(INCIDENT.value());
                assertThat(line.path("outcome").asText()).isEqualTo("Investigated");
                assertThat(line.path("durationMs").isNumber()).isTrue();
                assertThat(line.path("requestId").asText()).isNotBlank();
            });
            assertThat(lines).as("EMF metrics").anySatisfy(line -> {
                assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText())
                        .isEqualTo("IncidentSupervisor");
                assertThat(line.path("AlertsReceived").asDouble()).isEqualTo(1);
                assertThat(line.path("ContextTokens").asDouble()).isPositive();
            });

            assertThat(inspector.stores().history().history(INCIDENT))
                    .extracting(AuditEntry::type)
                    .containsExactly(SampleIncident.EVENT_TYPES);
            assertThat(inspector.stores().states().state(INCIDENT))
                    .get()
                    .extracting(row -> row.status())
                    .isEqualTo(IncidentStatus.CONTEXT_GATHERED);
            assertThat(inspector.stores().contexts().context(INCIDENT, Instant.now()))
                    .get()
                    .extracting(row -> row.contextJson())
                    .asString()
                    .contains("iam:ListAttachedRolePolicies")
                    .doesNotContain("hunter2-Sup3rS3cret");
            inspector.close();
        }
    }

    @Test
    void theSqsEntryHandlesAMixedBatchFromTheJarAlone() throws Exception {
        try (AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies()) {
            Map<String, String> environment = environment(aws);
            IncidentSupervisor inspector = inspector(environment, aws);

            LambdaJarProcess.Result result = LambdaJarProcess.invoke(
                    LambdaJarProcess.LAMBDA_JAR.toString(),
                    LambdaJarProcess.DRIVER_SOURCE.toString(),
                    "io.incidentsupervisor.bootstrap.SqsLambdaEntry",
                    Path.of("../examples/sqs-mixed-batch.json"),
                    environment);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout())
                    .as("nothing to redeliver: the malformed one is kept, the duplicate and the refused one are done")
                    .contains("RESULT {\"batchItemFailures\":[]}")
                    .doesNotContain("rm -rf");
            List<JsonNode> lines = jsonLines(result.stdout());
            assertThat(lines)
                    .extracting(line -> line.path("outcome").asText())
                    .contains("Investigated", "Duplicate", "Rejected", "Refused");
            assertThat(lines)
                    .as("EMF metrics")
                    .anySatisfy(line ->
                            assertThat(line.path("BatchSize").asDouble()).isEqualTo(4));
            assertThat(inspector.stores().history().history(INCIDENT))
                    .as("investigated once")
                    .extracting(AuditEntry::type)
                    .containsOnlyOnce("InvestigationStarted", "ContextGathered");
            assertThat(inspector.stores().rejected().latest(10))
                    .extracting(RejectedAlert::messageId)
                    .containsExactly("d4e5f6a7-8b9c-4d0e-9f1a-2b3c4d5e6f7a/5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c");
            inspector.close();
        }
    }

    @Test
    void theRecoveryEntryRecoversAStaleInvestigationFromTheJarAlone() throws Exception {
        try (AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies()) {
            Map<String, String> environment = environment(aws);
            environment.put("AWS_LAMBDA_FUNCTION_NAME", "incident-supervisor-recovery");
            IncidentSupervisor inspector = inspector(environment, aws);
            IncidentAlert killed = IncidentAlert.of(
                    "S3AccessError",
                    "Access Denied for s3:GetObject",
                    "AccessDenied",
                    "data-processor",
                    "2026-11-23T07:30:00Z");
            Instant past = Instant.now().minusSeconds(600);
            KilledInvestigation.arrange(SharedDynamoDbLocal.client(), eventTables(environment), killed, past);
            inspector.stores().rebuild().rebuild(events -> {});

            LambdaJarProcess.Result result = LambdaJarProcess.invoke(
                    LambdaJarProcess.LAMBDA_JAR.toString(),
                    LambdaJarProcess.DRIVER_SOURCE.toString(),
                    "io.incidentsupervisor.bootstrap.StaleRecoveryEntry",
                    Path.of("src/test/resources/events/scheduled-event.json"),
                    environment);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            String answer = result.answer();
            JsonNode report = JSON.readTree(answer);
            assertThat(report.get("stale").asInt()).isEqualTo(1);
            assertThat(report.get("recovered"))
                    .extracting(JsonNode::asText)
                    .containsExactly(killed.incidentId().value());
            assertThat(inspector.stores().states().state(killed.incidentId()))
                    .get()
                    .satisfies(row -> {
                        assertThat(row.status()).isEqualTo(IncidentStatus.CONTEXT_GATHERED);
                        assertThat(row.attempt()).isEqualTo(2);
                    });
            inspector.close();
        }
    }

    @Test
    void theJarHoldsNeitherDynamoDbLocalNorAnyTestOrCliLibrary() throws Exception {
        List<String> forbidden = List.of(
                "com/amazonaws/services/dynamodbv2/local/",
                "org/junit/",
                "org/assertj/",
                "com/github/tomakehurst/",
                "wiremock/",
                "org/mockito/",
                "org/hamcrest/",
                "picocli/",
                "com/almworks/sqlite4java/",
                "org/eclipse/jetty/",
                "io/incidentsupervisor/bootstrap/cli/",
                "io/incidentsupervisor/adapter/aws/local/");
        List<String> found = new ArrayList<>();
        try (ZipFile jar = new ZipFile(LambdaJarProcess.LAMBDA_JAR.toFile())) {
            jar.stream()
                    .map(ZipEntry::getName)
                    .filter(name -> forbidden.stream().anyMatch(name::startsWith))
                    .forEach(found::add);
            assertThat(jar.getEntry("io/incidentsupervisor/bootstrap/LambdaEntry.class"))
                    .isNotNull();
            assertThat(jar.getEntry("io/incidentsupervisor/bootstrap/McpLambdaEntry.class"))
                    .isNotNull();
            assertThat(jar.getEntry("logback.xml")).isNotNull();
        }
        assertThat(found).isEmpty();
        long bytes = Files.size(LambdaJarProcess.LAMBDA_JAR);
        System.out.printf("incident-supervisor-lambda.jar: %d bytes (%.1f MB)%n", bytes, bytes / 1_000_000.0);
        // 25 MB until the MCP entry brought the MCP SDK, Reactor and the JSON schema validator (26.4 MB with them);
        // 28.5 MB with SDK 2.59.1 and the lifecycle publisher's EventBridge and SNS clients.
        assertThat(bytes)
                .as("the project's target (Lambda's own limit for a direct upload is 50 MB)")
                .isLessThanOrEqualTo(30_000_000);
    }

    @Test
    void theMcpEntryBehindAFunctionUrlAnswersTheSdkClientsFromTheJarAlone() throws Exception {
        try (AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies()) {
            Map<String, String> environment = environment(aws);
            IncidentSupervisor inspector = inspector(environment, aws);
            inspector
                    .snsHandler()
                    .handleRequest(
                            EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"),
                            LocalLambdaContext.of("arrange", java.time.Duration.ofSeconds(60), Clock.systemUTC()));
            assertThat(inspector.stores().states().state(INCIDENT))
                    .get()
                    .extracting(row -> row.status())
                    .isEqualTo(IncidentStatus.CONTEXT_GATHERED);

            Path out = Files.createTempFile("function-url", ".out");
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            LambdaJarProcess.LAMBDA_JAR.toString(),
                            LambdaJarProcess.FUNCTION_URL_SOURCE.toString(),
                            Deployment.MCP_HANDLER.substring(0, Deployment.MCP_HANDLER.indexOf(':')),
                            LambdaJarProcess.serializationJar().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().remove("SUPERVISED_FUNCTIONS");
            Process functionUrl = builder.start();
            try {
                String base = "http://127.0.0.1:" + listeningPort(functionUrl, out);

                EveryTool.withTheJavaSdk(base);
                EveryTool.withTheTypeScriptSdk(base + "/mcp");
            } finally {
                functionUrl.destroyForcibly();
                functionUrl.waitFor();
            }
            String logs = Files.readString(out);
            assertThat(jsonLines(logs))
                    .as("each tool call logged as JSON with its request id")
                    .anySatisfy(line -> {
                        assertThat(line.path("message").asText()).isEqualTo("MCP tool call");
                        assertThat(line.path("tool").asText()).isEqualTo("get_incident");
                        assertThat(line.path("outcome").asText()).isEqualTo("ok");
                        assertThat(line.path("requestId").asText()).isNotBlank();
                    });
            assertThat(logs).as("no stack trace").doesNotContain("\tat ");
            inspector.close();
        }
    }

    @Test
    void theEventsEntryPublishesTheSampleIncidentsLifecycleFromAStreamBatchFromTheJarAlone() throws Exception {
        try (AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies();
                AwsStubs targets = new AwsStubs()) {
            targets.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/"))
                    .withHeader(
                            "X-Amz-Target",
                            com.github.tomakehurst.wiremock.client.WireMock.equalTo("AWSEvents.PutEvents"))
                    .willReturn(AwsStubs.logsOk(
                            "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"1\"},{\"EventId\":\"2\"}]}")));
            targets.server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/"))
                    .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("Action=Publish"))
                    .willReturn(AwsStubs.iamOk("Publish", "<MessageId>m-1</MessageId>")));
            Map<String, String> environment = environment(aws);
            IncidentSupervisor inspector = inspector(environment, aws);
            inspector
                    .snsHandler()
                    .handleRequest(
                            EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"),
                            LocalLambdaContext.of("arrange", java.time.Duration.ofSeconds(60), Clock.systemUTC()));
            environment.remove("SUPERVISED_FUNCTIONS");
            environment.put("AWS_LAMBDA_FUNCTION_NAME", "incident-supervisor-events");
            environment.put("EVENT_BUS", "arn:aws:events:eu-west-1:123456789012:event-bus/incident-supervisor");
            environment.put("AWS_ENDPOINT_URL_EVENTBRIDGE", targets.endpoint().toString());
            environment.put("CHAT_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:incident-chat");
            environment.put("AWS_ENDPOINT_URL_SNS", targets.endpoint().toString());

            LambdaJarProcess.Result result = LambdaJarProcess.invoke(
                    LambdaJarProcess.LAMBDA_JAR.toString(),
                    LambdaJarProcess.DRIVER_SOURCE.toString(),
                    "io.incidentsupervisor.bootstrap.EventStreamEntry",
                    Path.of("src/test/resources/events/dynamodb-stream-sample.json"),
                    environment);

            assertThat(result.exitCode()).as(result.stderr() + result.stdout()).isZero();
            String answer = result.answer();
            assertThat(JSON.readTree(answer).path("batchItemFailures"))
                    .as(answer)
                    .isEmpty();
            List<JsonNode> entries = new ArrayList<>();
            int chatMessages = 0;
            for (var served : targets.server.getAllServeEvents()) {
                String body = served.getRequest().getBodyAsString();
                if (body.contains("Action=Publish")) {
                    chatMessages++;
                } else {
                    JSON.readTree(body).get("Entries").forEach(entries::add);
                }
            }
            assertThat(entries)
                    .extracting(entry -> entry.get("DetailType").asText())
                    .containsExactly("Incident Opened", "Incident Diagnosed");
            assertThat(JSON.readTree(entries.get(1).get("Detail").asText())
                            .at("/cause/eventId")
                            .asText())
                    .isEqualTo("9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02");
            assertThat(chatMessages).as("one chat message a lifecycle event").isEqualTo(2);
            assertThat(jsonLines(result.stdout())).anySatisfy(line -> {
                assertThat(line.path("message").asText()).isEqualTo("Published lifecycle events");
                assertThat(line.path("storedEvents").asInt())
                        .as("the counter's records are no stored events")
                        .isEqualTo(6);
                assertThat(line.path("published").asInt()).isEqualTo(2);
            });
            inspector.close();
        }
    }

    /** The port the emulator prints once it serves, read from its output file as it is written. */
    private static int listeningPort(Process process, Path out) throws Exception {
        for (int tries = 0; tries < 600 && process.isAlive(); tries++) {
            for (String line : Files.readAllLines(out)) {
                if (line.startsWith("LISTENING ")) {
                    return Integer.parseInt(
                            line.substring("LISTENING ".length()).trim());
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The function URL emulator did not start: " + Files.readString(out));
    }

    private static List<JsonNode> jsonLines(String stdout) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : stdout.split("\\R")) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}

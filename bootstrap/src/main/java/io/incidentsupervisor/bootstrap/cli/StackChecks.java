package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.intake.DynamoDbRejectedAlerts;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.adapter.mcp.FunctionUrlHandler;
import io.incidentsupervisor.adapter.mcp.LoopbackMcpServer;
import io.incidentsupervisor.adapter.mcp.McpEndpoint;
import io.incidentsupervisor.adapter.mcp.StreamableHttp;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.bootstrap.Deployment;
import io.incidentsupervisor.bootstrap.Settings;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.SnapStartResponse;

/** What {@code supervisor verify} checks, each check timed and reported, never thrown. */
final class StackChecks {

    /** One check: what was checked, whether it passed, what was found, and how long it took. */
    record Check(String name, boolean passed, String detail, long durationMillis) {}

    @FunctionalInterface
    private interface Probe {
        /** Returns what was found if the check passes; throws {@link Failed} (or anything) if it does not. */
        String run() throws Exception;
    }

    private static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final CliRuntime runtime;
    private final String function;
    private final String recoveryFunction;
    /** Whether the function checked is the SQS entry (the stack's {@code intake=sqs}): the synthetic alert is then an SQS event. */
    private boolean sqsIntake;

    StackChecks(CliRuntime runtime, String function, String recoveryFunction) {
        this.runtime = runtime;
        this.function = function;
        this.recoveryFunction = recoveryFunction;
    }

    private static Check check(String name, Probe probe) {
        long started = System.nanoTime();
        boolean passed;
        String detail;
        try {
            detail = probe.run();
            passed = true;
        } catch (Failed failed) {
            detail = failed.getMessage();
            passed = false;
        } catch (Exception e) {
            detail = e.toString();
            passed = false;
        }
        return new Check(
                name,
                passed,
                detail,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void expect(boolean condition, String failure) throws Failed {
        if (!condition) {
            throw new Failed(failure);
        }
    }

    List<Check> run() {
        Settings settings = runtime.settings();
        List<Check> checks = new ArrayList<>();
        List<CreateTableRequest> tables =
                new ArrayList<>(new EventStoreTables(settings.eventsTable(), settings.snapshotsTable()).definitions());
        tables.addAll(new ProjectionTables(settings.stateTable(), settings.contextTable()).definitions());
        tables.add(DynamoDbRejectedAlerts.definition(settings.rejectedTable()));
        for (CreateTableRequest table : tables) {
            checks.add(check("table " + table.tableName(), () -> table(table)));
        }
        checks.add(
                check("ttl on " + settings.contextTable(), () -> ttl(settings.contextTable(), ProjectionTables.TTL)));
        checks.add(check(
                "ttl on " + settings.rejectedTable(), () -> ttl(settings.rejectedTable(), DynamoDbRejectedAlerts.TTL)));
        checks.add(check(
                "function " + function, () -> function(function, List.of(Deployment.HANDLER, Deployment.SQS_HANDLER))));
        checks.add(check(
                "function " + recoveryFunction,
                () -> function(recoveryFunction, List.of(Deployment.RECOVERY_HANDLER))));
        checks.add(check(
                "function " + Deployment.MCP_FUNCTION,
                () -> function(Deployment.MCP_FUNCTION, List.of(Deployment.MCP_HANDLER))));
        checks.add(check("mcp endpoint answers a signed request", () -> mcpEndpoint(runtime.embedded)));
        checks.add(check(
                "function " + Deployment.EVENTS_FUNCTION,
                () -> function(Deployment.EVENTS_FUNCTION, List.of(Deployment.EVENTS_HANDLER))));
        checks.add(check("synthetic alert investigated end to end", () -> syntheticAlert(runtime.embedded)));
        return checks;
    }

    private String ttl(String table, String attribute) throws Failed {
        var ttl = runtime.clients()
                .dynamoDb()
                .describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription();
        expect(
                ttl.timeToLiveStatus() == TimeToLiveStatus.ENABLED && attribute.equals(ttl.attributeName()),
                "TTL is " + ttl.timeToLiveStatusAsString() + " on " + ttl.attributeName() + "; expected ENABLED on "
                        + attribute);
        return "ENABLED on " + attribute;
    }

    private String table(CreateTableRequest expected) throws Failed {
        TableDescription actual = runtime.clients()
                .dynamoDb()
                .describeTable(b -> b.tableName(expected.tableName()))
                .table();
        expect(actual.tableStatus() == TableStatus.ACTIVE, "status " + actual.tableStatusAsString());
        Optional<String> mismatch = DynamoDbTables.mismatch(expected, actual);
        expect(mismatch.isEmpty(), mismatch.orElse(""));
        return "ACTIVE, keys " + keyNames(expected)
                + (expected.hasGlobalSecondaryIndexes()
                        ? ", index " + expected.globalSecondaryIndexes().get(0).indexName()
                        : "");
    }

    private static String keyNames(CreateTableRequest table) {
        return table.keySchema().stream()
                .map(k -> k.attributeName() + " (" + k.keyTypeAsString() + ")")
                .toList()
                .toString();
    }

    private String function(String name, List<String> handlers) throws Failed {
        // The alias every trigger invokes, not $LATEST: what runs, and restored by SnapStart.
        GetFunctionConfigurationResponse configuration = runtime.clients()
                .lambda()
                .getFunctionConfiguration(b -> b.functionName(name).qualifier(Deployment.ALIAS));
        expect("Active".equals(configuration.stateAsString()), "state " + configuration.stateAsString());
        expect(
                Deployment.RUNTIME.equals(configuration.runtimeAsString()),
                "runtime " + configuration.runtimeAsString() + "; expected " + Deployment.RUNTIME);
        expect(
                handlers.contains(configuration.handler()),
                "handler " + configuration.handler() + "; expected " + String.join(" or ", handlers));
        SnapStartResponse snapStart = configuration.snapStart();
        expect(
                snapStart != null && snapStart.applyOn() == SnapStartApplyOn.PUBLISHED_VERSIONS,
                "SnapStart " + (snapStart == null ? "absent" : snapStart.applyOnAsString())
                        + "; expected PublishedVersions");
        if (name.equals(function)) {
            sqsIntake = Deployment.SQS_HANDLER.equals(configuration.handler());
        }
        return "Active, " + configuration.runtimeAsString() + ", " + Deployment.ALIAS + " = version "
                + configuration.version() + ", SnapStart " + snapStart.optimizationStatusAsString() + ", "
                + configuration.handler();
    }

    /**
     * The MCP function URL (its {@code AWS_IAM} auth read with {@code lambda:GetFunctionUrlConfig}) answers a SigV4-signed
     * initialize and tools/list with this build's tools. On the embedded default the URL is the sample account's, so
     * the signed requests go to the same endpoint served in this process instead, where nothing checks the signature.
     */
    private String mcpEndpoint(boolean inThisProcess) throws Exception {
        GetFunctionUrlConfigResponse url = runtime.clients()
                .lambda()
                .getFunctionUrlConfig(
                        b -> b.functionName(Deployment.MCP_FUNCTION).qualifier(Deployment.ALIAS));
        expect(
                url.authType() == FunctionUrlAuthType.AWS_IAM,
                "auth type " + url.authTypeAsString() + "; expected AWS_IAM");
        McpProbe probe = new McpProbe(
                runtime.clients().http(),
                DefaultCredentialsProvider.builder().build(),
                runtime.settings().region());
        McpEndpoint here = runtime.stores().mcp();
        List<String> expected = McpProbe.toolsOf(here);
        if (!inThisProcess) {
            return signedTools(probe, URI.create(url.functionUrl()).resolve(StreamableHttp.PATH), expected, url, "");
        }
        try (LoopbackMcpServer local =
                LoopbackMcpServer.start(0, StreamableHttp.behindIam(here, FunctionUrlHandler.MAX_ANSWER_BYTES))) {
            URI served = URI.create("http://127.0.0.1:" + local.address().getPort() + StreamableHttp.PATH);
            return signedTools(probe, served, expected, url, " (served in this process)");
        }
    }

    private static String signedTools(
            McpProbe probe, URI endpoint, List<String> expected, GetFunctionUrlConfigResponse url, String where)
            throws Exception {
        List<String> tools = probe.tools(endpoint);
        expect(tools.equals(expected), "tools " + tools + "; expected " + expected);
        return url.functionUrl() + " (AWS_IAM): initialize and tools/list answered a signed request, " + tools.size()
                + " tools" + where;
    }

    /** An alert of a type no collector but the defaults runs for, from the first supervised function, stamped now so it is new. */
    private String syntheticAlert(boolean inThisProcess) throws Exception {
        String lambdaName = runtime.settings().supervisedFunctions().stream()
                .sorted()
                .findFirst()
                .orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String messageId = "verify-" + UUID.randomUUID();
        Map<String, String> alert = new LinkedHashMap<>();
        alert.put("error_type", "SupervisorVerification");
        alert.put("error_message", "Synthetic alert from `supervisor verify`; no failure happened");
        alert.put("error_code", "Verification");
        alert.put("lambda_name", lambdaName);
        alert.put("timestamp", now.toString());
        Map<String, Object> notification = snsNotification(messageId, Timeline.JSON.writeValueAsString(alert));
        String eventJson =
                Timeline.JSON.writeValueAsString(sqsIntake ? sqsEvent(notification) : snsEvent(notification));
        LambdaEvents.Event event = LambdaEvents.read(eventJson.getBytes(StandardCharsets.UTF_8), "the synthetic event");
        IncidentId id = IncidentId.of(lambdaName, now);
        if (inThisProcess && sqsIntake) {
            SQSBatchResponse response = Deliveries.deliver(
                            runtime.service().sqsHandler(), event.sqs(), Clock.systemUTC())
                    .response();
            expect(response.getBatchItemFailures().isEmpty(), "the SQS entry reported the message as failed");
        } else if (inThisProcess) {
            Deliveries.deliver(runtime.service().snsHandler(), event.sns(), Clock.systemUTC());
        } else {
            InvokeResponse response = runtime.clients()
                    .lambda()
                    .invoke(b -> b.functionName(function)
                            .qualifier(Deployment.ALIAS)
                            .payload(SdkBytes.fromUtf8String(eventJson)));
            String payload = response.payload().asUtf8String();
            expect(
                    response.functionError() == null,
                    "the function failed: " + response.functionError() + " " + payload);
            expect(
                    !sqsIntake
                            || Timeline.JSON
                                    .readTree(payload)
                                    .path("batchItemFailures")
                                    .isEmpty(),
                    "the SQS entry reported the message as failed: " + payload);
        }
        Instant giveUp = Instant.now().plusSeconds(30);
        Optional<IncidentStateRow> state = runtime.stores().states().state(id);
        while ((state.isEmpty() || state.get().status() != IncidentStatus.CONTEXT_GATHERED)
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
            state = runtime.stores().states().state(id);
        }
        expect(
                state.isPresent() && state.get().status() == IncidentStatus.CONTEXT_GATHERED,
                id + " is " + state.map(s -> s.status().name()).orElse("absent") + "; expected CONTEXT_GATHERED");
        expect(runtime.stores().contexts().context(id, Instant.now()).isPresent(), id + " has no context row");
        return id + " CONTEXT_GATHERED with a context row"
                + (inThisProcess ? " (handled in this process" : " (handled by " + function)
                + (sqsIntake ? ", through the SQS entry)" : ")");
    }

    private static Map<String, Object> snsNotification(String messageId, String message) {
        Map<String, Object> sns = new LinkedHashMap<>();
        sns.put("Type", "Notification");
        sns.put("MessageId", messageId);
        sns.put("TopicArn", "arn:aws:sns:local:000000000000:incident-alerts");
        sns.put("Subject", "SupervisorVerification");
        sns.put("Message", message);
        sns.put("Timestamp", Instant.now().toString());
        sns.put("SignatureVersion", "1");
        sns.put("MessageAttributes", Map.of());
        return sns;
    }

    private static Map<String, Object> snsEvent(Map<String, Object> notification) {
        return Map.of(
                "Records",
                List.of(Map.of(
                        "EventSource",
                        "aws:sns",
                        "EventVersion",
                        "1.0",
                        "EventSubscriptionArn",
                        "arn:aws:sns:local:000000000000:incident-alerts:verify",
                        "Sns",
                        notification)));
    }

    /** The notification as an SNS subscription without raw delivery puts it in the intake queue. */
    private static Map<String, Object> sqsEvent(Map<String, Object> notification) throws Exception {
        return Map.of(
                "Records",
                List.of(Map.of(
                        "messageId",
                        UUID.randomUUID().toString(),
                        "body",
                        Timeline.JSON.writeValueAsString(notification),
                        "attributes",
                        Map.of("ApproximateReceiveCount", "1"),
                        "eventSource",
                        "aws:sqs",
                        "eventSourceARN",
                        "arn:aws:sqs:local:000000000000:incident-supervisor-alerts",
                        "awsRegion",
                        "local")));
    }
}

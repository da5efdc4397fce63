package io.incidentsupervisor.infrastructure;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.collector.IamRoleCollectorTest;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.investigation.KilledInvestigation;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.adapter.lambda.EventStreamHandler;
import io.incidentsupervisor.adapter.mcp.McpEndpoint;
import io.incidentsupervisor.application.lifecycle.LifecyclePublishing;
import io.incidentsupervisor.application.port.in.RecoverStaleIncidents;
import io.incidentsupervisor.bootstrap.AwsClients;
import io.incidentsupervisor.bootstrap.IncidentSupervisor;
import io.incidentsupervisor.bootstrap.PublishingWiring;
import io.incidentsupervisor.bootstrap.Settings;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.local.DynamoDbLocal;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The synthesized role against the code: every AWS operation the production wiring performs — alerts (valid, duplicate,
 * malformed, other error types, through SNS and through SQS), stale recovery and a projection rebuild — is recorded with
 * its resource and must be allowed by the role, as must what the Lambda service does with the role for each intake
 * ({@link LambdaPlatform}); and every grant but the log output and X-Ray must be used by one of them.
 */
class IamMatchesCodeTest {

    private static final Map<String, String> ROLE_ARNS = Map.of("data-processor-role", SynthesizedStack.ACCOUNT_ROLE);
    private static final List<String> EXAMPLES = List.of(
            "sns-s3-access-error.json",
            "sns-s3-access-error.json",
            "sns-cloudwatch-access-error.json",
            "sns-unknown-error-type.json",
            "sns-malformed.json",
            "sns-resource-policy-denials.json");

    private static List<RequiredPermissions.Permission> codeRequires;

    private final RequiredPermissions permissions = new RequiredPermissions(ROLE_ARNS);

    @ParameterizedTest(name = "intake={0}")
    @EnumSource(StackConfig.Intake.class)
    void everyOperationTheCodeAndTheLambdaPlatformPerformIsAllowedAndTheRoleGrantsNothingElse(
            StackConfig.Intake intake) {
        Template template =
                intake == StackConfig.Intake.SQS ? SynthesizedStack.sqsTemplate() : SynthesizedStack.template();
        RolePolicy policy = RolePolicy.of(template);
        List<RequiredPermissions.Permission> required = new ArrayList<>(codeRequires());
        required.addAll(LambdaPlatform.requires(template));

        assertThat(required)
                .extracting(RequiredPermissions.Permission::action)
                .as("the scenarios reach every kind of call")
                .contains(
                        "dynamodb:Query",
                        "lambda:GetFunctionConfiguration",
                        "lambda:GetFunction",
                        "iam:GetRolePolicy",
                        "iam:GetRole",
                        "iam:SimulatePrincipalPolicy",
                        "iam:GetPolicyVersion",
                        "cloudtrail:LookupEvents",
                        "logs:FilterLogEvents")
                .anyMatch(action -> action.equals("dynamodb:PutItem"));
        assertThat(required)
                .extracting(RequiredPermissions.Permission::resource)
                .contains(
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/incident-supervisor-events/index/global-order",
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/incident-state/index/open-by-stale-at",
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/incident-state/index/evidence-pending",
                        "arn:aws:dynamodb:eu-west-1:123456789012:table/incident-supervisor-rejected-alerts");

        assertThat(notAllowed(policy, required))
                .as("operations the role does not allow")
                .isEmpty();
        assertThat(policy.grants())
                .filteredOn(grant -> !forTheLambdaPlatformAlways(grant))
                .filteredOn(grant -> required.stream().noneMatch(p -> grant.allows(p.action(), p.resource())))
                .as("grants no recorded operation uses")
                .isEmpty();
    }

    @Test
    void aPlantedExtraSdkCallIsCaught() {
        List<RequiredPermissions.Permission> required = exerciseTheDeployedCode(clients -> {
            clients.dynamoDb().scan(b -> b.tableName("incident-supervisor-events"));
            try {
                clients.lambda().listFunctions();
            } catch (SdkException notInTheSampleAccount) {
                // Recorded before it was sent; the answer does not matter.
            }
        });

        assertThat(notAllowed(RolePolicy.of(SynthesizedStack.template()), required))
                .extracting(RequiredPermissions.Permission::action, RequiredPermissions.Permission::resource)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "dynamodb:Scan",
                                "arn:aws:dynamodb:eu-west-1:123456789012:table/incident-supervisor-events"),
                        org.assertj.core.groups.Tuple.tuple(
                                "lambda:ListFunctions", "arn:aws:lambda:eu-west-1:123456789012:function:*"));
    }

    @Test
    void theMcpRoleAllowsEveryReadItsToolsMakeAndNothingElseAndWritesNoTable() {
        List<RequiredPermissions.Permission> mcp = new ArrayList<>();
        exerciseTheDeployedCode((supervisor, clients) -> {
            AwsCallRecorder.drain();
            McpEndpoint endpoint = supervisor.stores().mcp();
            String page = callEveryTool(endpoint);
            assertThat(page).as("list_incidents gave a next page to read").isNotEmpty();
            mcp.addAll(AwsCallRecorder.drain().stream()
                    .flatMap(call -> permissions.of(call).stream())
                    .toList());
        });
        RolePolicy policy = RolePolicy.of(SynthesizedStack.template(), "McpRole");

        assertThat(mcp)
                .extracting(RequiredPermissions.Permission::action)
                .as("the tools query the event store and the state table")
                .contains("dynamodb:Query");
        assertThat(notAllowed(policy, mcp))
                .as("reads the MCP role does not allow")
                .isEmpty();
        assertThat(policy.grants())
                .filteredOn(grant -> !forTheLambdaPlatformAlways(grant))
                .filteredOn(grant -> mcp.stream().noneMatch(p -> grant.allows(p.action(), p.resource())))
                .as("MCP grants no tool call uses")
                .isEmpty();
        assertThat(policy.grants())
                .extracting(RolePolicy.Grant::action)
                .as("no write on any table")
                .allMatch(action -> !action.startsWith("dynamodb:")
                        || List.of("dynamodb:Query", "dynamodb:GetItem").contains(action));
    }

    @Test
    void thePublishersRoleAllowsWhatItsCodeAndItsStreamMappingDoAndNothingElse() {
        String bus =
                "arn:aws:events:" + RolePolicy.REGION + ":" + RolePolicy.ACCOUNT + ":event-bus/incident-supervisor";
        String chatTopic = "arn:aws:sns:" + RolePolicy.REGION + ":" + RolePolicy.ACCOUNT + ":"
                + SynthesizedStack.template().findResources("AWS::SNS::Topic").keySet().stream()
                        .filter(id -> id.startsWith("ChatTopic"))
                        .findFirst()
                        .orElseThrow();
        List<RequiredPermissions.Permission> publishing = new ArrayList<>();
        exerciseTheDeployedCode((supervisor, clients) -> {
            try (AwsStubs eventBridge = new AwsStubs()) {
                eventBridge.server.stubFor(post(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"))
                        .willReturn(AwsStubs.logsOk("{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"1\"},"
                                + "{\"EventId\":\"2\"}]}")));
                eventBridge.server.stubFor(post(urlEqualTo("/"))
                        .withRequestBody(containing("Action=Publish"))
                        .willReturn(AwsStubs.iamOk("Publish", "<MessageId>m-1</MessageId>")));
                // The production composition, its clients built by AwsClients with the SDK's own endpoint settings.
                System.setProperty(
                        "aws.endpointUrlEventBridge", eventBridge.endpoint().toString());
                System.setProperty("aws.endpointUrlSns", eventBridge.endpoint().toString());
                Settings publisherSettings = Settings.forReading(
                        Map.of("AWS_REGION", RolePolicy.REGION, "EVENT_BUS", bus, "CHAT_TOPIC_ARN", chatTopic));
                EventStreamHandler handler = new EventStreamHandler(
                        new LifecyclePublishing(
                                supervisor.stores().history(), PublishingWiring.publisher(publisherSettings, clients)),
                        EventStoreTables::committed);
                AwsCallRecorder.drain();
                DynamodbEvent stream = new DynamodbEvent();
                List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
                for (int sequence = 0; sequence < 6; sequence++) {
                    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
                    record.setEventName("INSERT");
                    record.setDynamodb(new StreamRecord()
                            .withSequenceNumber(Integer.toString(sequence + 1))
                            .withKeys(Map.of(
                                    "aggregateId",
                                    new AttributeValue().withS("data-processor#2026-11-23T08:00:00.512Z"),
                                    "seq",
                                    new AttributeValue().withN(Integer.toString(sequence)))));
                    records.add(record);
                }
                stream.setRecords(records);
                assertThat(handler.handleRequest(stream, null).getBatchItemFailures())
                        .isNullOrEmpty();
                publishing.addAll(AwsCallRecorder.drain().stream()
                        .flatMap(call -> permissions.of(call).stream())
                        .toList());
            } finally {
                System.clearProperty("aws.endpointUrlEventBridge");
                System.clearProperty("aws.endpointUrlSns");
            }
        });
        Template template = SynthesizedStack.template();
        RolePolicy policy = RolePolicy.of(template, "EventsRole");
        List<RequiredPermissions.Permission> required = new ArrayList<>(publishing);
        required.addAll(LambdaPlatform.streamRequires(template));

        assertThat(publishing)
                .extracting(RequiredPermissions.Permission::action, RequiredPermissions.Permission::resource)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("events:PutEvents", bus),
                        org.assertj.core.groups.Tuple.tuple("sns:Publish", chatTopic),
                        org.assertj.core.groups.Tuple.tuple(
                                "dynamodb:Query",
                                "arn:aws:dynamodb:eu-west-1:123456789012:table/incident-supervisor-events"));
        assertThat(notAllowed(policy, required))
                .as("what the publisher's role does not allow")
                .isEmpty();
        assertThat(policy.grants())
                .filteredOn(grant -> !forTheLambdaPlatformAlways(grant))
                .filteredOn(grant -> required.stream().noneMatch(p -> grant.allows(p.action(), p.resource())))
                .as("publisher grants nothing uses")
                .isEmpty();
    }

    /** Every tool with every argument it takes; returns the cursor of list_incidents' second page. */
    private static String callEveryTool(McpEndpoint endpoint) {
        String incident = "data-processor#2026-11-23T08:00:00.512Z";
        String first = call(
                endpoint,
                "list_incidents",
                "{\"status\":\"CONTEXT_GATHERED\",\"function\":\"data-processor\",\"error_type\":"
                        + "\"S3AccessError\",\"since\":\"2026-11-01T00:00:00Z\",\"limit\":1}");
        String next = answerOf(first).path("next").asText();
        call(endpoint, "list_incidents", "{\"limit\":1,\"after\":\"" + next + "\"}");
        call(endpoint, "list_incidents", "{}");
        call(endpoint, "get_incident", "{\"incident_id\":\"" + incident + "\",\"max_tokens\":600}");
        call(endpoint, "get_incident_history", "{\"incident_id\":\"" + incident + "\"}");
        call(endpoint, "list_stale_incidents", "{}");
        call(endpoint, "get_evidence", "{\"incident_id\":\"" + incident + "\",\"evidence_id\":\"cloudwatch-logs\"}");
        call(endpoint, "list_root_causes", "{}");
        call(endpoint, "list_root_causes", "{\"event_id\":\"9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02\"}");
        return next;
    }

    /** The tool's own answer: the JSON in the result's text. */
    private static JsonNode answerOf(String response) {
        try {
            ObjectMapper json = new ObjectMapper();
            return json.readTree(
                    json.readTree(response).at("/result/content/0/text").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String call(McpEndpoint endpoint, String tool, String arguments) {
        String answer = endpoint.answer(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                                + "\",\"arguments\":" + arguments + "}}",
                        Integer.MAX_VALUE)
                .json();
        assertThat(answer).as(tool + " " + arguments).contains("\"isError\":false");
        return answer;
    }

    private synchronized List<RequiredPermissions.Permission> codeRequires() {
        if (codeRequires == null) {
            codeRequires = exerciseTheDeployedCode(clients -> {});
        }
        return codeRequires;
    }

    private static List<RequiredPermissions.Permission> notAllowed(
            RolePolicy policy, List<RequiredPermissions.Permission> required) {
        return required.stream()
                .filter(p -> !policy.allows(p.action(), p.resource()))
                .distinct()
                .toList();
    }

    /**
     * CloudTrail shows a customer managed policy detached from the role, so the diagnosis reads an account policy's
     * document as well as AWS's.
     */
    private static void stubDetachedAccountPolicy(AwsStubs aws) {
        String arn = "arn:aws:iam::" + RolePolicy.ACCOUNT + ":policy/orders-read";
        String record = "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":"
                + "\"arn:aws:iam::123456789012:user/ops-alice\"},\"eventTime\":\"2026-11-23T07:50:00Z\","
                + "\"eventName\":\"DetachRolePolicy\",\"requestParameters\":{\"roleName\":\"data-processor-role\","
                + "\"policyArn\":\"" + arn + "\"},\"eventID\":\"e-detach\"}";
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withHeader(
                        "X-Amz-Target", equalTo("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"))
                .withRequestBody(containing("\"AttributeValue\":\"data-processor-role\""))
                .willReturn(AwsStubs.logsOk("{\"Events\":[{\"EventId\":\"e-detach\",\"EventName\":\"DetachRolePolicy\","
                        + "\"EventSource\":\"iam.amazonaws.com\","
                        + "\"EventTime\":1763884200,\"CloudTrailEvent\":"
                        + "\"" + record.replace("\"", "\\\"") + "\"}]}")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=GetPolicy&"))
                .withRequestBody(containing("PolicyArn=" + URLEncoder.encode(arn, StandardCharsets.UTF_8)))
                .willReturn(AwsStubs.iamOk(
                        "GetPolicy",
                        "<Policy><PolicyName>orders-read</PolicyName><DefaultVersionId>v1</DefaultVersionId>" + "<Arn>"
                                + arn + "</Arn></Policy>")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=GetPolicyVersion&"))
                .withRequestBody(containing("PolicyArn=" + URLEncoder.encode(arn, StandardCharsets.UTF_8)))
                .willReturn(AwsStubs.iamOk(
                        "GetPolicyVersion",
                        "<PolicyVersion><Document>%7B%22Statement%22%3A%5B%5D%7D</Document><VersionId>v1</VersionId>"
                                + "<IsDefaultVersion>true</IsDefaultVersion></PolicyVersion>")));
    }

    /**
     * The role has the account policy attached too, and CloudTrail shows it got a new default version: the diagnosis
     * reads the policy's own history, both versions and the other roles that use it.
     */
    private static void stubEditedAttachedAccountPolicy(AwsStubs aws) {
        String arn = "arn:aws:iam::" + RolePolicy.ACCOUNT + ":policy/orders-read";
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=ListAttachedRolePolicies"))
                .withRequestBody(containing("Marker=page-2"))
                .willReturn(AwsStubs.iamOk(
                        "ListAttachedRolePolicies",
                        "<AttachedPolicies><member><PolicyName>orders-read</PolicyName><PolicyArn>" + arn
                                + "</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated>")));
        String record = "{\"eventVersion\":\"1.09\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":"
                + "\"arn:aws:iam::123456789012:user/ops-bob\"},\"eventTime\":\"2026-11-23T07:58:00Z\","
                + "\"eventName\":\"CreatePolicyVersion\",\"requestParameters\":{\"policyArn\":\"" + arn + "\","
                + "\"setAsDefault\":true},\"responseElements\":{\"policyVersion\":{\"versionId\":\"v2\"}},"
                + "\"eventID\":\"e-version\"}";
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withHeader(
                        "X-Amz-Target", equalTo("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"))
                .withRequestBody(containing("\"AttributeValue\":\"" + arn + "\""))
                .willReturn(AwsStubs.logsOk("{\"Events\":[{\"EventId\":\"e-version\",\"EventName\":"
                        + "\"CreatePolicyVersion\",\"EventSource\":\"iam.amazonaws.com\",\"EventTime\":1763884680,"
                        + "\"CloudTrailEvent\":\"" + record.replace("\"", "\\\"") + "\"}]}")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .atPriority(1)
                .withRequestBody(containing("Action=ListEntitiesForPolicy&"))
                .willReturn(AwsStubs.iamOk(
                        "ListEntitiesForPolicy",
                        "<PolicyRoles><member><RoleName>data-processor-role</RoleName><RoleId>AROA1</RoleId></member>"
                                + "</PolicyRoles><IsTruncated>false</IsTruncated>")));
    }

    /** Granted for Lambda itself whatever the intake, not for the code: its log output and X-Ray segments. */
    private static boolean forTheLambdaPlatformAlways(RolePolicy.Grant grant) {
        return grant.action().startsWith("xray:")
                || grant.action().equals("logs:CreateLogStream")
                || grant.action().equals("logs:PutLogEvents");
    }

    /** What runs after the scenarios, before the recorded calls are collected. */
    private interface Afterwards {
        void run(IncidentSupervisor supervisor, AwsClients clients);
    }

    private List<RequiredPermissions.Permission> exerciseTheDeployedCode(Consumer<AwsClients> planted) {
        return exerciseTheDeployedCode((supervisor, clients) -> planted.accept(clients));
    }

    private List<RequiredPermissions.Permission> exerciseTheDeployedCode(Afterwards planted) {
        Map<String, String> properties = new LinkedHashMap<>();
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.inMemory();
                AwsStubs aws = AwsStubs.sampleAccount()) {
            IamRoleCollectorTest.stubRole(aws.server);
            stubDetachedAccountPolicy(aws);
            stubEditedAttachedAccountPolicy(aws);
            properties.put("aws.endpointUrlDynamoDb", dynamoDb.endpoint().toString());
            properties.put("aws.endpointUrlLambda", aws.endpoint().toString());
            properties.put("aws.endpointUrlIam", aws.endpoint().toString());
            properties.put("aws.endpointUrlCloudWatchLogs", aws.endpoint().toString());
            properties.put("aws.endpointUrlCloudTrail", aws.endpoint().toString());
            properties.put("aws.accessKeyId", "AKIDEXAMPLE");
            properties.put("aws.secretAccessKey", "local");
            properties.forEach(System::setProperty);
            // The stack's table names: the service's defaults.
            Settings settings =
                    Settings.from(Map.of("AWS_REGION", RolePolicy.REGION, "SUPERVISED_FUNCTIONS", "data-processor"));
            AwsClients clients = new AwsClients(settings.region());
            try (IncidentSupervisor supervisor = IncidentSupervisor.start(settings, clients, AlertMetrics.NONE)) {
                supervisor.stores().createTablesIfMissing();
                AwsCallRecorder.drain(); // in AWS the stack creates the tables

                for (String example : EXAMPLES) {
                    supervisor
                            .snsHandler()
                            .handleRequest(
                                    EventLoader.loadSNSEvent("../examples/" + example),
                                    LocalLambdaContext.of("request-1", Duration.ofSeconds(60), Clock.systemUTC()));
                }
                supervisor
                        .sqsHandler()
                        .handleRequest(
                                EventLoader.loadSQSEvent("../examples/sqs-mixed-batch.json"),
                                LocalLambdaContext.of("request-4", Duration.ofSeconds(60), Clock.systemUTC()));

                IncidentAlert killed = IncidentAlert.of(
                        "S3AccessError",
                        "Access Denied for s3:GetObject",
                        "AccessDenied",
                        "data-processor",
                        "2026-11-23T09:00:00Z");
                Instant past = Instant.now().minusSeconds(600);
                KilledInvestigation.arrange(clients.dynamoDb(), EventStoreTables.DEFAULT, killed, past);
                supervisor.stores().rebuild().rebuild(events -> {});
                RecoverStaleIncidents.Report report = supervisor
                        .recoverStale()
                        .recoverStale("request-2", Instant.now().plusSeconds(60));
                assertThat(report.recovered())
                        .containsExactly(killed.incidentId().value());
                supervisor
                        .recheckChangeEvidence()
                        .recheck("request-3", Instant.now().plusSeconds(60));

                // The four incidents of the other examples and the killed one, and the five resource-based denials.
                assertThat(supervisor.stores().rebuild().rebuild(events -> {})).isEqualTo(9);
                planted.run(supervisor, clients);
                return AwsCallRecorder.drain().stream()
                        .flatMap(call -> permissions.of(call).stream())
                        .toList();
            }
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }
}

package io.incidentsupervisor.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.lifecycle.EventBridgeLifecyclePublisher;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.adapter.lambda.EventStreamHandler;
import io.incidentsupervisor.application.lifecycle.LifecyclePublishing;
import io.incidentsupervisor.local.DynamoDbLocal;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * Publishing from the event table's stream, on DynamoDB Local's own stream: the investigation commits and publishes
 * nothing itself (as a function killed right after its commit), then the stream's records, as Lambda's event source
 * mapping would deliver them (event JSON read by the runtime's serializer), are published to EventBridge (WireMock
 * speaking its awsJson 1.1). A refused first delivery is sent again; a refused commit leaves no record to publish.
 */
class LifecyclePublishingOnTheStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUS = "incident-lifecycle";

    /** The sample alert handled with the given commits refused; the stream's records as one Lambda event. */
    private static DynamodbEvent investigateAndReadTheStream(DynamoDbLocal dynamoDb, AwsStubs aws, String refused)
            throws Exception {
        ExecutionInterceptor outage = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof TransactWriteItemsRequest transaction
                        && transaction.transactItems().stream()
                                .anyMatch(item -> item.put() != null
                                        && item.put().item().containsKey("payloadType")
                                        && item.put()
                                                .item()
                                                .get("payloadType")
                                                .s()
                                                .equals(refused))) {
                    throw SdkClientException.create("simulated outage writing " + refused);
                }
            }
        };
        Settings settings = Settings.from(Map.of("AWS_REGION", "eu-west-1", "SUPERVISED_FUNCTIONS", "data-processor"));
        AwsClients clients = AwsClients.of(
                dynamoDb.newClient(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(outage)
                        .build()),
                aws.lambda(),
                aws.iam(),
                aws.logs(),
                aws.cloudTrail());
        try (IncidentSupervisor supervisor = IncidentSupervisor.start(settings, clients, AlertMetrics.NONE)) {
            supervisor.stores().createTablesIfMissing();
            dynamoDb.newClient()
                    .updateTable(r -> r.tableName(settings.eventsTable())
                            .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
            try {
                supervisor
                        .snsHandler()
                        .handleRequest(
                                EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"),
                                LocalLambdaContext.of("committing", Duration.ofSeconds(60), Clock.systemUTC()));
            } catch (RuntimeException failedAsTheOutageWants) {
                // The SNS handler rethrows what it could not record; the stream holds what was committed.
            }
            return streamAsLambdaDeliversIt(dynamoDb, settings.eventsTable());
        }
    }

    private static DynamodbEvent streamAsLambdaDeliversIt(DynamoDbLocal dynamoDb, String table) throws Exception {
        try (DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder()
                .endpointOverride(dynamoDb.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String arn = streams.listStreams(r -> r.tableName(table))
                    .streams()
                    .get(0)
                    .streamArn();
            ArrayNode records = JSON.createArrayNode();
            for (var shard : streams.describeStream(r -> r.streamArn(arn))
                    .streamDescription()
                    .shards()) {
                String iterator = streams.getShardIterator(r -> r.streamArn(arn)
                                .shardId(shard.shardId())
                                .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
                        .shardIterator();
                for (var record :
                        streams.getRecords(r -> r.shardIterator(iterator)).records()) {
                    ObjectNode json = records.addObject()
                            .put("eventID", record.eventID())
                            .put("eventName", record.eventNameAsString())
                            .put("eventVersion", "1.1")
                            .put("eventSource", "aws:dynamodb")
                            .put("awsRegion", "eu-west-1")
                            .put("eventSourceARN", arn);
                    ObjectNode body = json.putObject("dynamodb")
                            .put("SequenceNumber", record.dynamodb().sequenceNumber())
                            .put("SizeBytes", record.dynamodb().sizeBytes())
                            .put("StreamViewType", "NEW_IMAGE");
                    ObjectNode keys = body.putObject("Keys");
                    record.dynamodb().keys().forEach((name, value) -> {
                        if (value.s() != null) {
                            keys.putObject(name).put("S", value.s());
                        } else {
                            keys.putObject(name).put("N", value.n());
                        }
                    });
                }
            }
            ObjectNode event = JSON.createObjectNode();
            event.set("Records", records);
            InputStream in = new ByteArrayInputStream(JSON.writeValueAsBytes(event));
            return LambdaEventSerializers.serializerFor(DynamodbEvent.class, DynamodbEvent.class.getClassLoader())
                    .fromJson(in);
        }
    }

    private static EventStreamHandler publisherTo(AwsStubs eventBridgeStub, DynamoDbLocal dynamoDb) {
        Settings settings = Settings.forReading(Map.of("AWS_REGION", "eu-west-1"));
        Stores stores = new Stores(settings, dynamoDb.newClient());
        EventBridgeClient eventBridge = EventBridgeClient.builder()
                .endpointOverride(eventBridgeStub.endpoint())
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        return new EventStreamHandler(
                new LifecyclePublishing(stores.history(), new EventBridgeLifecyclePublisher(eventBridge, BUS)),
                EventStoreTables::committed);
    }

    /** Every entry EventBridge took, as a rule's target would get it (source, detail-type, time, detail). */
    private static List<JsonNode> taken(AwsStubs eventBridge) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (var served : eventBridge.server.getAllServeEvents()) {
            if (served.getResponse().getStatus() != 200) {
                continue;
            }
            for (JsonNode entry :
                    JSON.readTree(served.getRequest().getBodyAsString()).get("Entries")) {
                assertThat(entry.get("EventBusName").asText()).isEqualTo(BUS);
                ObjectNode event = JSON.createObjectNode()
                        .put("source", entry.get("Source").asText())
                        .put("detail-type", entry.get("DetailType").asText())
                        .put(
                                "time",
                                java.time.Instant.ofEpochMilli(
                                                (long) (entry.get("Time").asDouble() * 1000))
                                        .toString());
                event.set("detail", JSON.readTree(entry.get("Detail").asText()));
                events.add(event);
            }
        }
        return events;
    }

    private static void stubPutEvents(AwsStubs eventBridge, boolean refuseTheFirst) {
        String ok =
                "{\"FailedEntryCount\":0,\"Entries\":[" + "{\"EventId\":\"e\"},".repeat(9) + "{\"EventId\":\"e\"}]}";
        if (refuseTheFirst) {
            eventBridge.server.stubFor(putEvents()
                    .inScenario("publishing")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"not yet granted\"}"))
                    .willSetStateTo("granted"));
            eventBridge.server.stubFor(putEvents()
                    .inScenario("publishing")
                    .whenScenarioStateIs("granted")
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody(ok)));
        } else {
            eventBridge.server.stubFor(putEvents()
                    .willReturn(aResponse()
                            .withStatus(200)
                            .withHeader("Content-Type", "application/x-amz-json-1.1")
                            .withBody(ok)));
        }
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder putEvents() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSEvents.PutEvents"));
    }

    private static Schema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("../docs/events/incident-lifecycle.v1.schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    @Test
    void whatTheInvestigationCommittedIsPublishedOnceFromTheStreamThoughTheFirstDeliveryWasRefused() throws Exception {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.inMemory();
                AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies();
                AwsStubs eventBridge = new AwsStubs()) {
            DynamodbEvent batch = investigateAndReadTheStream(dynamoDb, aws, "none");
            stubPutEvents(eventBridge, true);
            EventStreamHandler publisher = publisherTo(eventBridge, dynamoDb);

            StreamsEventResponse refused = publisher.handleRequest(batch, null);
            StreamsEventResponse sentAgain = publisher.handleRequest(batch, null);

            assertThat(refused.getBatchItemFailures())
                    .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly(batch.getRecords().get(0).getDynamodb().getSequenceNumber());
            assertThat(sentAgain.getBatchItemFailures()).isNullOrEmpty();
            List<JsonNode> published = taken(eventBridge);
            assertThat(published)
                    .extracting(event -> event.get("detail-type").asText())
                    .containsExactly("Incident Opened", "Incident Diagnosed");
            assertThat(published)
                    .extracting(event -> event.at("/detail/eventId").asText())
                    .containsExactly(
                            "data-processor#2026-11-23T08:00:00.512Z/0", "data-processor#2026-11-23T08:00:00.512Z/5");
            assertThat(published.get(1).at("/detail/deniedAction").asText()).isEqualTo("s3:GetObject");
            Schema schema = schema();
            for (JsonNode event : published) {
                assertThat(schema.validate(event)).as(event.toString()).isEmpty();
            }
            eventBridge.server.verify(2, postRequestedFor(urlEqualTo("/")));
        }
    }

    @Test
    void aRefusedCommitLeavesNothingToPublish() throws Exception {
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.inMemory();
                AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies();
                AwsStubs eventBridge = new AwsStubs()) {
            DynamodbEvent batch = investigateAndReadTheStream(dynamoDb, aws, "ContextGathered");
            stubPutEvents(eventBridge, false);

            publisherTo(eventBridge, dynamoDb).handleRequest(batch, null);

            List<JsonNode> published = taken(eventBridge);
            assertThat(published)
                    .extracting(event -> event.get("detail-type").asText())
                    .contains("Incident Opened")
                    .doesNotContain("Incident Diagnosed");
            assertThat(published)
                    .extracting(event -> event.get("detail-type").asText())
                    .as("the attempt's failure is told instead, once")
                    .containsExactly("Incident Opened", "Investigation Failed");
        }
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.eventstore.EventStorageEngineContractTest.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.adapter.aws.local.RequestCounter;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What only the DynamoDB engine promises, beyond the shared contract: atomic commits, size limits, gaps, bounded waits. */
class DynamoDbEventStorageEngineTest {

    private final RequestCounter requests = new RequestCounter();
    private DynamoDbClient dynamoDb;
    private EventStoreTables tables;
    private DynamoDbEventStorageEngine engine;

    @BeforeEach
    void createEngine() {
        dynamoDb = SharedDynamoDbLocal.server()
                .newClient(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(requests)
                        .build());
        tables = SharedDynamoDbLocal.uniqueEventTables();
        tables.createIfMissing(dynamoDb);
        engine = engineWith(Duration.ofSeconds(60));
        requests.reset();
    }

    private DynamoDbEventStorageEngine engineWith(Duration gapTimeout) {
        return DynamoDbEventStorageEngine.builder()
                .dynamoDb(dynamoDb)
                .tables(tables)
                .apiCallTimeout(Duration.ofSeconds(2))
                .gapTimeout(gapTimeout)
                .build();
    }

    @Test
    void aCommitTakesOneRequestWhateverItsSizeOnceTheCounterIsKnown() {
        engine.appendEvents(events("A", 0, 1));
        assertThat(requests.snapshot())
                .as("the process's first commit reads the global-sequence counter")
                .isEqualTo(Map.of("GetItem", 1L, "TransactWriteItems", 1L));

        requests.reset();
        engine.appendEvents(events("A", 1, 1));
        assertThat(requests.snapshot()).isEqualTo(Map.of("TransactWriteItems", 1L));

        requests.reset();
        engine.appendEvents(events("A", 2, 10));
        assertThat(requests.snapshot()).isEqualTo(Map.of("TransactWriteItems", 1L));
        assertThat(engine.readEvents(null, false)).hasSize(12);
    }

    @Test
    void anotherWritersCommitMovesTheCounterAndTheNextCommitTakesItsValueFromTheCancellation() {
        DynamoDbEventStorageEngine other = engineWith(Duration.ofSeconds(60));
        engine.appendEvents(events("A", 0, 1));
        other.appendEvents(events("B", 0, 3));
        requests.reset();

        engine.appendEvents(events("A", 1, 1));

        assertThat(requests.snapshot())
                .as("one cancelled try carrying the counter's value, then the commit")
                .isEqualTo(Map.of("TransactWriteItems", 2L));
        List<Long> positions = engine.readEvents(null, false)
                .map(e -> ((GapAwareTrackingToken) e.trackingToken()).getIndex())
                .toList();
        assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aCommitWithOneTakenSequenceNumberWritesNothingAndNamesThatEvent() {
        engine.appendEvents(events("A", 0, 3));
        List<EventMessage<?>> overlapping = new ArrayList<>(events("B", 0, 2));
        overlapping.addAll(events("A", 2, 2));

        assertThatThrownBy(() -> engine.appendEvents(overlapping))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("aggregate [A] at sequence [2]");
        assertThat(engine.readEvents("A").asStream()).hasSize(3);
        assertThat(engine.readEvents("B").asStream()).isEmpty();
        assertThat(engine.readEvents(null, false)).hasSize(3);
    }

    @Test
    void anOversizedEventIsRefusedBeforeAnyRequestAndTheStreamIsUnchanged() {
        engine.appendEvents(events("A", 0, 2));
        requests.reset();
        String incompressible = randomText(600 * 1024);

        assertThatThrownBy(() -> engine.appendEvents(
                        List.of(new GenericDomainEventMessage<>("Incident", "A", 2, incompressible))))
                .isInstanceOf(EventStoreLimitExceeded.class)
                .hasMessageContaining("Event java.lang.String would be a ")
                .hasMessageContaining(
                        "-byte item after compression; DynamoDB allows 409600 bytes; nothing was written");

        assertThat(requests.total())
                .as("refused before any request, the counter included")
                .isZero();
        assertThat(engine.readEvents("A").asStream())
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L);
        assertThat(engine.readEvents(null, false)).hasSize(2);
    }

    @Test
    void aCommitHoldingOneSequenceNumberTwiceIsAConcurrencyConflictRefusedBeforeAnyRequest() {
        List<EventMessage<?>> repeated = List.of(
                new GenericDomainEventMessage<>("Incident", "A", 0, "first"),
                new GenericDomainEventMessage<>("Incident", "A", 1, "second"),
                new GenericDomainEventMessage<>("Incident", "A", 1, "again"));

        assertThatThrownBy(() -> engine.appendEvents(repeated))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessage("A commit holds aggregate [A] at sequence [1] twice; nothing was written");
        assertThat(requests.total()).as("refused before any request").isZero();
        assertThat(engine.readEvents("A").asStream()).isEmpty();
    }

    @Test
    void withoutSnapshotsALoadIsOneQueryAndNoSnapshotLookup() {
        engine.appendEvents(events("A", 0, 3));
        requests.reset();

        assertThat(engine.readSnapshot("A")).isEmpty();
        assertThat(requests.total()).as("no snapshot lookup").isZero();
        assertThat(engine.readEvents("A").asStream()).hasSize(3);
        assertThat(requests.snapshot()).isEqualTo(Map.of("Query", 1L));
        assertThatThrownBy(() -> engine.storeSnapshot(new GenericDomainEventMessage<>("Incident", "A", 2, "snapshot")))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("Snapshots are off");
    }

    @Test
    void aCommitBeyondOneTransactionIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> engine.appendEvents(events("A", 0, 100)))
                .isInstanceOf(EventStoreLimitExceeded.class)
                .hasMessage("A commit of 100 events exceeds the 99 a DynamoDB transaction holds beside the"
                        + " global-sequence counter; nothing was written");
        assertThat(requests.total()).isZero();

        engine.appendEvents(events("A", 0, 99));
        assertThat(engine.readEvents("A").asStream()).hasSize(99);
    }

    @Test
    void aLargeCompressiblePayloadIsStoredCompressedAndReadBackIntact() {
        String repetitive = "AccessDenied: s3:GetObject on arn:aws:s3:::orders/2026/11/23.csv\n".repeat(8_000);
        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Incident", "A", 0, repetitive)));

        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tables.events())
                        .key(Map.of("aggregateId", AttributeValue.fromS("A"), "seq", AttributeValue.fromN("0"))))
                .item();
        assertThat(item.get("payloadEncoding").s()).isEqualTo("gzip");
        assertThat(item.get("payload").b().asByteArray().length).isLessThan(repetitive.length() / 20);
        assertThat(engine.readEvents("A").asStream().map(e -> (Object) e.getPayload()))
                .containsExactly(repetitive);
    }

    @Test
    void aReservedNumberThatIsNeverWrittenIsAGapUntilTheGapTimeoutPasses() throws InterruptedException {
        DynamoDbEventStorageEngine quickGaps = engineWith(Duration.ofSeconds(4));
        quickGaps.appendEvents(events("A", 0, 1));
        // A commit that reserved its global sequence number and died before writing:
        dynamoDb.updateItem(b -> b.tableName(tables.events())
                .key(Map.of("aggregateId", AttributeValue.fromS("global-sequence"), "seq", AttributeValue.fromN("-1")))
                .updateExpression("ADD #next :one")
                .expressionAttributeNames(Map.of("#next", "next"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
        quickGaps.appendEvents(events("A", 1, 1));

        List<? extends TrackedEventMessage<?>> read =
                quickGaps.readEvents(null, false).collect(Collectors.toList());
        GapAwareTrackingToken token =
                (GapAwareTrackingToken) read.get(read.size() - 1).trackingToken();
        assertThat(read).hasSize(2);
        assertThat(token.getIndex()).isEqualTo(3);
        assertThat(token.getGaps()).containsExactly(2L);

        Thread.sleep(4_100);
        List<? extends TrackedEventMessage<?>> later =
                quickGaps.readEvents(token, false).collect(Collectors.toList());
        assertThat(later).as("nothing new, and nothing seen twice").isEmpty();
        quickGaps.appendEvents(events("A", 2, 1));
        List<? extends TrackedEventMessage<?>> next =
                quickGaps.readEvents(token, false).collect(Collectors.toList());
        assertThat(next).extracting(e -> (Object) e.getPayload()).containsExactly("A-2");
        assertThat(((GapAwareTrackingToken) next.get(0).trackingToken()).getGaps())
                .as("the abandoned number is given up")
                .isEmpty();
    }

    @Test
    void anUnreachableDynamoDbFailsTheAppendWithTheSdksOwnErrorAndWritesNothing() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DynamoDbClient unreachable = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        DynamoDbEventStorageEngine outage = DynamoDbEventStorageEngine.builder()
                .dynamoDb(unreachable)
                .tables(tables)
                .apiCallTimeout(Duration.ofMillis(800))
                .gapTimeout(Duration.ofSeconds(2))
                .build();

        // No elapsed-time assertion (it flakes on a cold JVM): the bound is the SDK's own call timeout, set above.
        assertThatThrownBy(() -> outage.appendEvents(events("A", 0, 1)))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("Could not read the global sequence counter")
                .hasCauseInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
        assertThat(engine.readEvents("A").asStream()).isEmpty();
    }

    private static String randomText(int length) {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('!' + random.nextInt(90)));
        }
        return text.toString();
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.n;
import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.s;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.AGGREGATE_ID;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.SEQUENCE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** One aggregate's stream, read in sequence order with consistent reads, and its snapshots when they are on. */
final class AggregateStreams {

    private final DynamoDbClient dynamoDb;
    private final EventStoreTables tables;
    private final boolean snapshots;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> timeout;
    private final EventQueries queries;

    AggregateStreams(
            DynamoDbClient dynamoDb,
            EventStoreTables tables,
            boolean snapshots,
            Consumer<AwsRequestOverrideConfiguration.Builder> timeout,
            EventQueries queries) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.snapshots = snapshots;
        this.timeout = timeout;
        this.queries = queries;
    }

    void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        if (!snapshots) {
            throw new EventStoreException(
                    "Snapshots are off in this engine (Builder.snapshots): a snapshot written now would never be read");
        }
        Map<String, AttributeValue> item = EventItems.toItem(snapshot, serializer);
        int size = EventItems.sizeOf(item);
        if (size > EventItems.MAX_ITEM_BYTES) {
            throw new EventStoreLimitExceeded(
                    "Snapshot " + snapshot.getPayloadType().getName() + " would be " + size
                            + " bytes after compression; DynamoDB allows " + EventItems.MAX_ITEM_BYTES);
        }
        try {
            dynamoDb.putItem(b -> b.tableName(tables.snapshots()).item(item).overrideConfiguration(timeout));
        } catch (SdkException e) {
            throw new EventStoreException(
                    "Could not store the snapshot of aggregate [" + snapshot.getAggregateIdentifier() + "]", e);
        }
    }

    Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        if (!snapshots) {
            return Stream.empty();
        }
        QueryResponse latest = queries.query(QueryRequest.builder()
                .tableName(tables.snapshots())
                .keyConditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", AGGREGATE_ID))
                .expressionAttributeValues(Map.of(":id", s(aggregateIdentifier)))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(1));
        return latest.items().stream().map(EventItems::toEventData);
    }

    List<? extends DomainEventData<?>> fetchDomainEvents(
            String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        List<Map<String, AttributeValue>> items = queries.queryUpTo(
                QueryRequest.builder()
                        .tableName(tables.events())
                        .keyConditionExpression("#id = :id AND #seq >= :first")
                        .expressionAttributeNames(Map.of("#id", AGGREGATE_ID, "#seq", SEQUENCE))
                        .expressionAttributeValues(
                                Map.of(":id", s(aggregateIdentifier), ":first", n(Math.max(0, firstSequenceNumber))))
                        .consistentRead(true),
                batchSize);
        return items.stream().map(EventItems::toEventData).collect(Collectors.toList());
    }

    Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        QueryResponse last = queries.query(QueryRequest.builder()
                .tableName(tables.events())
                .keyConditionExpression("#id = :id AND #seq >= :zero")
                .expressionAttributeNames(Map.of("#id", AGGREGATE_ID, "#seq", SEQUENCE))
                .expressionAttributeValues(Map.of(":id", s(aggregateIdentifier), ":zero", n(0)))
                .projectionExpression("#seq")
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(1));
        return last.items().stream().findFirst().map(EventItems::sequence);
    }
}

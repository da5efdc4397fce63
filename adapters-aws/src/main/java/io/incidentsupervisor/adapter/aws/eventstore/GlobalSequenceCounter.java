package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.n;
import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.s;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.AGGREGATE_ID;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.SEQUENCE;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The counter item that gives events their global sequence numbers ({@code next}: the last one given out), as this
 * process last saw it: read once, then carried from commit to commit. Each commit's transaction moves it, on condition
 * that it still holds the value the commit was numbered from.
 */
final class GlobalSequenceCounter {

    /** The counter shares the events table: sequence -1 is never an event's, so no aggregate can collide with it. */
    static final Map<String, AttributeValue> KEY = Map.of(AGGREGATE_ID, s("global-sequence"), SEQUENCE, n(-1));

    static final String NEXT = "next";

    /** Not known yet: read before the next commit. */
    private static final long UNKNOWN = -1;

    private final DynamoDbClient dynamoDb;
    private final EventStoreTables tables;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> timeout;
    private final AtomicLong seen = new AtomicLong(UNKNOWN);

    GlobalSequenceCounter(
            DynamoDbClient dynamoDb,
            EventStoreTables tables,
            Consumer<AwsRequestOverrideConfiguration.Builder> timeout) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.timeout = timeout;
    }

    /** The last number given out, as last seen; read (consistently) when not known. */
    long last() {
        long known = seen.get();
        if (known != UNKNOWN) {
            return known;
        }
        long read = read();
        seen.compareAndSet(UNKNOWN, read);
        return read;
    }

    /** The transaction's item that moves the counter from {@code last} past {@code count} new events. */
    TransactWriteItem moveFrom(long last, int count) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(tables.events())
                        .key(KEY)
                        .updateExpression("SET #next = :next")
                        .conditionExpression(
                                last == 0 ? "attribute_not_exists(#next) OR #next = :last" : "#next = :last")
                        .expressionAttributeNames(Map.of("#next", NEXT))
                        .expressionAttributeValues(Map.of(":next", n(last + count), ":last", n(last)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();
    }

    void committed(long last, int count) {
        seen.accumulateAndGet(last + count, Math::max);
    }

    /**
     * Whether the counter's part of a cancelled transaction says another writer moved it (its value, which the
     * cancellation carries, is taken for the next try) or holds it in a transaction of its own right now (it is read
     * again before the next try).
     */
    boolean movedElsewhere(CancellationReason onCounter, long last) {
        if ("ConditionalCheckFailed".equals(onCounter.code())) {
            long now = onCounter.hasItem() && onCounter.item().containsKey(NEXT)
                    ? Long.parseLong(onCounter.item().get(NEXT).n())
                    : read();
            seen.compareAndSet(last, now);
            return true;
        }
        if ("TransactionConflict".equals(onCounter.code())) {
            seen.compareAndSet(last, UNKNOWN);
            return true;
        }
        return false;
    }

    /** The counter as DynamoDB holds it now; 0 before the first commit. */
    private long read() {
        try {
            Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(tables.events())
                            .key(KEY)
                            .consistentRead(true)
                            .overrideConfiguration(timeout))
                    .item();
            return item == null || !item.containsKey(NEXT)
                    ? 0
                    : Long.parseLong(item.get(NEXT).n());
        } catch (SdkException e) {
            throw new EventStoreException("Could not read the global sequence counter", e);
        }
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.n;
import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.s;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.AGGREGATE_ID;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.SEQUENCE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The commit as it was until 0.3.0, kept as {@code EventStoreBench}'s baseline: one {@code UpdateItem ADD} on the
 * counter reserves the commit's global sequence numbers, then one {@code PutItem} or {@code TransactWriteItems} writes
 * the events. Two requests per commit, and a gap for every commit that reserved numbers and then failed.
 */
final class TwoRequestAppends {

    /** DynamoDB's limits on one TransactWriteItems call. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    static final int MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

    /** The counter item shares the events table: sequence -1 is never an event's, so no aggregate can collide with it. */
    private static final Map<String, AttributeValue> COUNTER_KEY =
            Map.of(AGGREGATE_ID, s("global-sequence"), SEQUENCE, n(-1));

    private static final String COUNTER_NEXT = "next";

    private final DynamoDbClient dynamoDb;
    private final EventStoreTables tables;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> timeout;
    private final EventAppends.FailedWrite failedWrite;

    TwoRequestAppends(
            DynamoDbClient dynamoDb,
            EventStoreTables tables,
            Consumer<AwsRequestOverrideConfiguration.Builder> timeout,
            EventAppends.FailedWrite failedWrite) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.timeout = timeout;
        this.failedWrite = failedWrite;
    }

    void append(List<DomainEventMessage<?>> messages, Serializer serializer) {
        refuseRepeatedSequences(messages);
        List<Map<String, AttributeValue>> items = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            items.add(EventItems.toItem(message, serializer));
        }
        refuseWhatDynamoDbCannotHold(messages, items);

        long first;
        try {
            first = reserveGlobalSequences(items.size());
        } catch (SdkException e) {
            throw new EventStoreException(
                    "Could not reserve global sequence numbers for " + items.size() + " event(s)", e);
        }
        List<Map<String, AttributeValue>> positioned = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            positioned.add(EventItems.withGlobalSequence(items.get(i), first + i));
        }
        try {
            if (positioned.size() == 1) {
                putOne(positioned.get(0), messages.get(0));
            } else {
                dynamoDb.transactWriteItems(b -> b.transactItems(
                                positioned.stream().map(this::conditionalPut).collect(Collectors.toList()))
                        .overrideConfiguration(timeout));
            }
        } catch (TransactionCanceledException e) {
            handleCancelledTransaction(e, messages);
        } catch (SdkException e) {
            failedWrite.handle(e, messages.get(0));
        }
    }

    /** One transaction cannot hold two writes of one item: real DynamoDB would answer ValidationException, not a conflict. */
    private static void refuseRepeatedSequences(List<DomainEventMessage<?>> messages) {
        Set<List<Object>> keys = new HashSet<>();
        for (DomainEventMessage<?> message : messages) {
            if (!keys.add(List.of(message.getAggregateIdentifier(), message.getSequenceNumber()))) {
                throw new ConcurrencyException("A commit holds aggregate [" + message.getAggregateIdentifier()
                        + "] at sequence [" + message.getSequenceNumber() + "] twice; nothing was written");
            }
        }
    }

    private void refuseWhatDynamoDbCannotHold(
            List<DomainEventMessage<?>> messages, List<Map<String, AttributeValue>> items) {
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw new EventStoreLimitExceeded("A commit of " + items.size() + " events exceeds DynamoDB's "
                    + MAX_TRANSACTION_ITEMS + "-item transaction; nothing was written");
        }
        int total = 0;
        for (int i = 0; i < items.size(); i++) {
            // The global position adds two small numeric attributes to every stored item.
            int size = EventItems.sizeOf(items.get(i)) + 64;
            if (size > EventItems.MAX_ITEM_BYTES) {
                throw new EventStoreLimitExceeded(
                        "Event " + messages.get(i).getPayloadType().getName() + " would be a " + size
                                + "-byte item after compression; DynamoDB allows " + EventItems.MAX_ITEM_BYTES
                                + " bytes; nothing was written");
            }
            total += size;
        }
        if (items.size() > 1 && total > MAX_TRANSACTION_BYTES) {
            throw new EventStoreLimitExceeded("A commit of " + items.size() + " events would be " + total
                    + " bytes; a DynamoDB transaction allows " + MAX_TRANSACTION_BYTES + "; nothing was written");
        }
    }

    /** One UpdateItem per commit, whatever its size: returns the first of {@code count} consecutive global sequence numbers. */
    private long reserveGlobalSequences(int count) {
        Map<String, AttributeValue> updated = dynamoDb.updateItem(b -> b.tableName(tables.events())
                        .key(COUNTER_KEY)
                        .updateExpression("ADD #next :count")
                        .expressionAttributeNames(Map.of("#next", COUNTER_NEXT))
                        .expressionAttributeValues(Map.of(":count", n(count)))
                        .returnValues(ReturnValue.UPDATED_NEW)
                        .overrideConfiguration(timeout))
                .attributes();
        long last = Long.parseLong(updated.get(COUNTER_NEXT).n());
        return last - count + 1;
    }

    private void putOne(Map<String, AttributeValue> item, DomainEventMessage<?> message) {
        try {
            dynamoDb.putItem(b -> b.tableName(tables.events())
                    .item(item)
                    .conditionExpression("attribute_not_exists(#seq)")
                    .expressionAttributeNames(Map.of("#seq", SEQUENCE))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .overrideConfiguration(timeout));
        } catch (ConditionalCheckFailedException e) {
            // PutItem has no idempotency token: if the SDK retried after a lost response, the item in the way is our
            // own.
            boolean ownEarlierAttempt = e.hasItem()
                    && e.item().containsKey(EventItems.EVENT_ID)
                    && e.item().get(EventItems.EVENT_ID).s().equals(message.getIdentifier());
            if (!ownEarlierAttempt) {
                failedWrite.handle(e, message);
            }
        }
    }

    private TransactWriteItem conditionalPut(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(Put.builder()
                        .tableName(tables.events())
                        .item(item)
                        .conditionExpression("attribute_not_exists(#seq)")
                        .expressionAttributeNames(Map.of("#seq", SEQUENCE))
                        .build())
                .build();
    }

    /** TransactWriteItems says per item why it was cancelled; the first item that gave a reason decides the exception. */
    private void handleCancelledTransaction(TransactionCanceledException e, List<DomainEventMessage<?>> messages) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size(); i++) {
            String code = reasons.get(i).code();
            if ("ConditionalCheckFailed".equals(code)) {
                failedWrite.handle(e, messages.get(i));
            }
            if ("TransactionConflict".equals(code)) {
                throw new ConcurrencyException(
                        "A concurrent transaction wrote aggregate ["
                                + messages.get(i).getAggregateIdentifier() + "] at sequence ["
                                + messages.get(i).getSequenceNumber() + "]; nothing of this commit was written",
                        e);
            }
            if (code != null && !"None".equals(code)) {
                throw new EventStoreException(
                        "DynamoDB cancelled the commit at event "
                                + messages.get(i).getPayloadType().getName() + " (" + code + ": "
                                + reasons.get(i).message() + "); nothing was written",
                        e);
            }
        }
        throw new EventStoreException("DynamoDB cancelled the commit without a reason; nothing was written", e);
    }
}

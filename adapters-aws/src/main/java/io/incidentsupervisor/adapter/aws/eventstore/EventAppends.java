package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.SEQUENCE;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Appending a commit: one conditional {@code TransactWriteItems}, so a taken sequence number fails the whole commit and
 * nothing is half-written. The same transaction moves the global-sequence counter (an item of the events table) from the
 * value this process last saw to that value plus the commit's size, on condition that it still holds that value, and
 * gives the events the numbers in between: a commit's global positions exist exactly when its events do. The value is
 * read once per process and then carried from commit to commit; when another writer moved it, the transaction is
 * cancelled on the counter alone, the value it holds now comes back with the cancellation, and the commit is tried again
 * with it after a short random pause, for at most the API-call timeout. Every commit moves the one counter, so commits
 * are serialised anyway: within a process they take turns ({@link #turns}) instead of cancelling each other.
 */
final class EventAppends {

    /** DynamoDB's limits on one TransactWriteItems call. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    /** One item of every commit's transaction is the counter. */
    static final int MAX_EVENTS = MAX_TRANSACTION_ITEMS - 1;

    static final int MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

    /** Axon's resolution of a failed write: a taken key becomes a {@link ConcurrencyException}. */
    @FunctionalInterface
    interface FailedWrite {
        void handle(Exception failure, DomainEventMessage<?> event);
    }

    private final DynamoDbClient dynamoDb;
    private final EventStoreTables tables;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> timeout;
    private final Duration retryFor;
    private final FailedWrite failedWrite;
    private final GlobalSequenceCounter counter;

    private final LongAdder contended = new LongAdder();
    private final ReentrantLock turns = new ReentrantLock();

    EventAppends(
            DynamoDbClient dynamoDb,
            EventStoreTables tables,
            Consumer<AwsRequestOverrideConfiguration.Builder> timeout,
            Duration retryFor,
            FailedWrite failedWrite) {
        this.dynamoDb = dynamoDb;
        this.tables = tables;
        this.timeout = timeout;
        this.retryFor = retryFor;
        this.failedWrite = failedWrite;
        this.counter = new GlobalSequenceCounter(dynamoDb, tables, timeout);
    }

    /** How many commits were tried again because another writer had moved the counter: the benchmark's contention. */
    long contended() {
        return contended.sum();
    }

    void append(List<DomainEventMessage<?>> messages, Serializer serializer) {
        refuseRepeatedSequences(messages);
        List<Map<String, AttributeValue>> items = new ArrayList<>(messages.size());
        for (DomainEventMessage<?> message : messages) {
            items.add(EventItems.toItem(message, serializer));
        }
        refuseWhatDynamoDbCannotHold(messages, items);

        turns.lock();
        try {
            commit(messages, items);
        } finally {
            turns.unlock();
        }
    }

    private void commit(List<DomainEventMessage<?>> messages, List<Map<String, AttributeValue>> items) {
        long giveUpAt = System.nanoTime() + retryFor.toNanos();
        for (int attempt = 1; ; attempt++) {
            long last = counter.last();
            try {
                dynamoDb.transactWriteItems(
                        b -> b.transactItems(transaction(items, last)).overrideConfiguration(timeout));
                counter.committed(last, items.size());
                return;
            } catch (TransactionCanceledException e) {
                if (!counterMoved(e, messages, last)) {
                    handleCancelledTransaction(e, messages);
                }
                contended.increment();
                if (System.nanoTime() - giveUpAt > 0) {
                    throw new EventStoreException(
                            "Other writers kept moving the global sequence for " + retryFor.toMillis()
                                    + " ms; nothing of this commit was written",
                            e);
                }
                pause(attempt);
            } catch (SdkException e) {
                failedWrite.handle(e, messages.get(0));
            }
        }
    }

    /** Up to 2, 4, … 64 ms, at random: writers in other processes that met at the counter part again. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while waiting to try a commit again; nothing was written", e);
        }
    }

    /** The counter's update first, then the events at the numbers after {@code last}. */
    private List<TransactWriteItem> transaction(List<Map<String, AttributeValue>> items, long last) {
        List<TransactWriteItem> writes = new ArrayList<>(items.size() + 1);
        writes.add(counter.moveFrom(last, items.size()));
        for (int i = 0; i < items.size(); i++) {
            writes.add(conditionalPut(EventItems.withGlobalSequence(items.get(i), last + 1 + i)));
        }
        return writes;
    }

    /**
     * Whether the transaction was cancelled because another writer moved the counter, and nothing else stood in its
     * way: then the counter's value, which the cancellation carries, is taken for the next try.
     */
    private boolean counterMoved(TransactionCanceledException e, List<DomainEventMessage<?>> messages, long last) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        if (reasons.size() != messages.size() + 1) {
            return false;
        }
        for (CancellationReason event : reasons.subList(1, reasons.size())) {
            if (event.code() != null && !"None".equals(event.code())) {
                return false;
            }
        }
        return counter.movedElsewhere(reasons.get(0), last);
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
        if (items.size() > MAX_EVENTS) {
            throw new EventStoreLimitExceeded("A commit of " + items.size() + " events exceeds the " + MAX_EVENTS
                    + " a DynamoDB transaction holds beside the global-sequence counter; nothing was written");
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
        if (total > MAX_TRANSACTION_BYTES) {
            throw new EventStoreLimitExceeded("A commit of " + items.size() + " events would be " + total
                    + " bytes; a DynamoDB transaction allows " + MAX_TRANSACTION_BYTES + "; nothing was written");
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

    /**
     * TransactWriteItems says per item why it was cancelled; the first event that gave a reason decides the exception
     * (item 0 is the counter, so event i is item i + 1).
     */
    private void handleCancelledTransaction(TransactionCanceledException e, List<DomainEventMessage<?>> messages) {
        List<CancellationReason> all = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        List<CancellationReason> reasons = all.isEmpty() ? all : all.subList(1, all.size());
        for (int i = 0; i < Math.min(reasons.size(), messages.size()); i++) {
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

    static boolean isTakenKey(Exception exception) {
        if (exception instanceof ConditionalCheckFailedException) {
            return true;
        }
        return exception instanceof TransactionCanceledException cancelled
                && cancelled.hasCancellationReasons()
                && cancelled.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.n;
import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.s;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.AGGREGATE_ID;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.BUCKET;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.GLOBAL_ORDER_INDEX;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.GLOBAL_SEQUENCE;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.SEQUENCE;

import io.incidentsupervisor.application.storedevents.StoredForm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * An Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on DynamoDB.
 *
 * <p>Events live in one table keyed by (aggregate id, sequence number); a commit is one atomic conditional write, so a
 * taken sequence number fails the whole commit and nothing is half-written. Each commit first reserves a block of global
 * sequence numbers from a counter item; a sparse global index over (bucket, global sequence) lets tracking readers walk
 * the whole stream in order with queries alone. A reservation whose write fails or never happens leaves a gap, which
 * {@link GapAwareTrackingToken}s skip once it is older than the gap timeout.
 *
 * <p>Event identifiers are unique within an aggregate's stream only: DynamoDB has no secondary unique constraint, and
 * enforcing one would cost a guard item per event in every transaction (twice the writes, half the events per commit).
 *
 * <p>Snapshots are off unless {@link Builder#snapshots(boolean)} turns them on: incidents have a handful of events, so
 * no snapshot trigger is configured, and the snapshot lookup each aggregate load would make is skipped.
 */
public final class DynamoDbEventStorageEngine extends BatchingEventStorageEngine {

    /** DynamoDB's limits on one TransactWriteItems call. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    static final int MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

    /** The counter item shares the events table: sequence -1 is never an event's, so no aggregate can collide with it. */
    private static final Map<String, AttributeValue> COUNTER_KEY =
            Map.of(AGGREGATE_ID, s("global-sequence"), SEQUENCE, n(-1));

    private static final String COUNTER_NEXT = "next";
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final DynamoDbClient dynamoDb;
    private final EventStoreTables tables;
    private final Duration gapTimeout;
    private final Duration clockSkewAllowance;
    private final int maxGapOffset;
    private final boolean snapshots;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> timeout;

    private DynamoDbEventStorageEngine(Builder builder) {
        super(builder);
        this.dynamoDb = builder.dynamoDb;
        this.tables = builder.tables;
        this.gapTimeout = builder.gapTimeout;
        this.clockSkewAllowance = builder.clockSkewAllowance;
        this.maxGapOffset = builder.maxGapOffset;
        this.snapshots = builder.snapshots;
        Duration apiCallTimeout = builder.apiCallTimeout;
        this.timeout = o -> o.apiCallTimeout(apiCallTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<DomainEventMessage<?>> messages =
                events.stream().map(DynamoDbEventStorageEngine::asDomainEvent).collect(Collectors.toList());
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
            handlePersistenceException(e, messages.get(0));
        }
    }

    /** An event published without an aggregate is stored under its own identifier, as Axon's JDBC engine does. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event.getTimestamp());
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
                handlePersistenceException(e, message);
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
                handlePersistenceException(e, messages.get(i));
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

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
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

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        if (!snapshots) {
            return Stream.empty();
        }
        QueryResponse latest = query(QueryRequest.builder()
                .tableName(tables.snapshots())
                .keyConditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", AGGREGATE_ID))
                .expressionAttributeValues(Map.of(":id", s(aggregateIdentifier)))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(1));
        return latest.items().stream().map(EventItems::toEventData);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(
            String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        List<Map<String, AttributeValue>> items = queryUpTo(
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

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        QueryResponse last = query(QueryRequest.builder()
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

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException(
                    "Token [" + lastToken + "] is of the wrong type; expected a GapAwareTrackingToken");
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        // Re-read from the oldest open gap: a commit that reserved it may have landed since.
        long after = token == null
                ? LOWEST_GLOBAL_SEQUENCE - 1
                : token.hasGaps() ? token.getGaps().first() - 1 : token.getIndex();
        QueryRequest.Builder request = globalOrder(true)
                .keyConditionExpression("#bucket = :bucket AND #gseq > :after")
                .expressionAttributeNames(Map.of("#bucket", BUCKET, "#gseq", GLOBAL_SEQUENCE))
                .expressionAttributeValues(Map.of(":bucket", n(0), ":after", n(after)));

        Instant gapTimeoutFrame = GenericEventMessage.clock.instant().minus(gapTimeout);
        List<TrackedEventData<?>> batch = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = query(request.exclusiveStartKey(startKey).limit(batchSize));
            for (Map<String, AttributeValue> item : page.items()) {
                long globalSequence = EventItems.globalSequence(item);
                DomainEventData<byte[]> event = EventItems.toEventData(item);
                boolean allowGaps = event.getTimestamp().isAfter(gapTimeoutFrame);
                if (token != null
                        && globalSequence <= token.getIndex()
                        && !token.getGaps().contains(globalSequence)) {
                    if (!allowGaps) {
                        // Seen already; being older than the gap timeout, it proves every open gap below it is
                        // abandoned.
                        token = token.withGapsTruncatedAt(globalSequence);
                    }
                    continue;
                }
                token = advance(token, globalSequence, allowGaps);
                batch.add(new TrackedDomainEventData<>(token, event));
                if (batch.size() == batchSize) {
                    return batch;
                }
            }
            startKey = nextStartKey(page);
        } while (startKey != null);
        return batch;
    }

    private GapAwareTrackingToken advance(GapAwareTrackingToken token, long globalSequence, boolean allowGaps) {
        if (token == null) {
            return GapAwareTrackingToken.newInstance(
                    globalSequence,
                    allowGaps
                            ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                                    .boxed()
                                    .collect(Collectors.toCollection(TreeSet::new))
                            : Collections.emptySortedSet());
        }
        return token.advanceTo(globalSequence, allowGaps ? maxGapOffset : 0);
    }

    @Override
    public TrackingToken createTailToken() {
        return firstGlobalSequence(true)
                .map(first -> GapAwareTrackingToken.newInstance(first - 1, Collections.emptySet()))
                .orElse(null);
    }

    @Override
    public TrackingToken createHeadToken() {
        return firstGlobalSequence(false)
                .map(last -> GapAwareTrackingToken.newInstance(last, Collections.emptySet()))
                .orElse(null);
    }

    /**
     * The token just before the oldest event at or after {@code dateTime}, so that every such event is delivered. Commits
     * can land out of timestamp order (a slow handler, a skewed clock), so the walk back from the newest event does not
     * stop at the first older one: it goes on while events are younger than {@code dateTime} minus the gap timeout and
     * the clock-skew allowance. An event's global sequence is reserved after its timestamp is taken and written within
     * the gap timeout, so an event further back than that bound cannot sit in the stream after one at or after
     * {@code dateTime}. Costs one query page per page of events in that span.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Instant walkUntil = dateTime.minus(gapTimeout).minus(clockSkewAllowance);
        Long newest = null;
        Long oldestAtOrAfter = null;
        Map<String, AttributeValue> startKey = null;
        QueryRequest.Builder request = globalOrder(false);
        walk:
        do {
            QueryResponse page = query(request.exclusiveStartKey(startKey));
            for (Map<String, AttributeValue> item : page.items()) {
                Instant timestamp = Instant.parse(item.get(EventItems.TIMESTAMP).s());
                if (timestamp.isBefore(walkUntil)) {
                    break walk;
                }
                long globalSequence = EventItems.globalSequence(item);
                newest = newest == null ? globalSequence : newest;
                if (!timestamp.isBefore(dateTime)) {
                    oldestAtOrAfter = globalSequence;
                }
            }
            startKey = nextStartKey(page);
        } while (startKey != null);
        if (oldestAtOrAfter != null) {
            return GapAwareTrackingToken.newInstance(oldestAtOrAfter - 1, Collections.emptySet());
        }
        return newest != null ? GapAwareTrackingToken.newInstance(newest, Collections.emptySet()) : createHeadToken();
    }

    private Optional<Long> firstGlobalSequence(boolean ascending) {
        QueryResponse first = query(globalOrder(ascending).limit(1));
        return first.items().stream().findFirst().map(EventItems::globalSequence);
    }

    /** The whole global stream, oldest or newest first; narrow it by replacing the key condition. */
    private QueryRequest.Builder globalOrder(boolean ascending) {
        return QueryRequest.builder()
                .tableName(tables.events())
                .indexName(GLOBAL_ORDER_INDEX)
                .keyConditionExpression("#bucket = :bucket")
                .expressionAttributeNames(Map.of("#bucket", BUCKET))
                .expressionAttributeValues(Map.of(":bucket", n(0)))
                .scanIndexForward(ascending);
    }

    /** Follows pages until {@code limit} items are in hand or the key range is exhausted: a page may stop early at 1 MB. */
    private List<Map<String, AttributeValue>> queryUpTo(QueryRequest.Builder request, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = query(request.exclusiveStartKey(startKey).limit(limit - items.size()));
            items.addAll(page.items());
            startKey = nextStartKey(page);
        } while (startKey != null && items.size() < limit);
        return items;
    }

    /** Where the next page starts, or null when this page was the last. */
    private static Map<String, AttributeValue> nextStartKey(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    }

    private QueryResponse query(QueryRequest.Builder request) {
        QueryRequest built = request.overrideConfiguration(timeout).build();
        try {
            return dynamoDb.query(built);
        } catch (SdkException e) {
            throw new EventStoreException(
                    "Could not query " + built.tableName() + (built.indexName() == null ? "" : "/" + built.indexName()),
                    e);
        }
    }

    /** Builds the engine; the DynamoDB client and the table names are required. */
    public static final class Builder extends BatchingEventStorageEngine.Builder {

        private DynamoDbClient dynamoDb;
        private EventStoreTables tables;
        private Duration apiCallTimeout = Duration.ofSeconds(10);
        private Duration gapTimeout = Duration.ofSeconds(60);
        private Duration clockSkewAllowance = Duration.ofSeconds(5);
        private int maxGapOffset = 10_000;
        private boolean snapshots;

        private Builder() {
            persistenceExceptionResolver(DynamoDbEventStorageEngine::isTakenKey);
            eventSerializer(StoredForm.serializer());
            snapshotSerializer(StoredForm.serializer());
            upcasterChain(StoredForm.upcasters());
        }

        public Builder dynamoDb(DynamoDbClient dynamoDb) {
            this.dynamoDb = dynamoDb;
            return this;
        }

        public Builder tables(EventStoreTables tables) {
            this.tables = tables;
            return this;
        }

        /** The bound on one DynamoDB call, SDK retries included. */
        public Builder apiCallTimeout(Duration apiCallTimeout) {
            this.apiCallTimeout = apiCallTimeout;
            return this;
        }

        /**
         * How long a reserved but unwritten global sequence number is waited for. Must exceed the longest a commit can
         * take between reserving and writing, which the API-call timeout bounds.
         */
        public Builder gapTimeout(Duration gapTimeout) {
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How far the clocks of the processes that append may disagree; widens the walk of {@link #createTokenAt}. */
        public Builder clockSkewAllowance(Duration clockSkewAllowance) {
            this.clockSkewAllowance = clockSkewAllowance;
            return this;
        }

        /** Whether snapshots are stored and read; off by default, as no snapshot trigger is configured. */
        public Builder snapshots(boolean snapshots) {
            this.snapshots = snapshots;
            return this;
        }

        public Builder maxGapOffset(int maxGapOffset) {
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        public DynamoDbEventStorageEngine build() {
            return new DynamoDbEventStorageEngine(this);
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            super.validate();
            if (dynamoDb == null || tables == null) {
                throw new AxonConfigurationException("The DynamoDB client and the event store tables are required");
            }
            Objects.requireNonNull(apiCallTimeout, "apiCallTimeout");
            Objects.requireNonNull(gapTimeout, "gapTimeout");
            Objects.requireNonNull(clockSkewAllowance, "clockSkewAllowance");
            if (apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
                throw new AxonConfigurationException("The API-call timeout must be positive: " + apiCallTimeout);
            }
            if (gapTimeout.compareTo(apiCallTimeout.multipliedBy(2)) < 0) {
                throw new AxonConfigurationException("The gap timeout (" + gapTimeout
                        + ") must be at least twice the API-call timeout (" + apiCallTimeout
                        + "): a commit takes up to two calls between reserving its numbers and writing");
            }
            if (maxGapOffset < 1) {
                throw new AxonConfigurationException("maxGapOffset must be positive: " + maxGapOffset);
            }
        }
    }

    private static boolean isTakenKey(Exception exception) {
        if (exception instanceof ConditionalCheckFailedException) {
            return true;
        }
        return exception instanceof TransactionCanceledException cancelled
                && cancelled.hasCancellationReasons()
                && cancelled.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
    }
}

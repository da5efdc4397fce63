package io.incidentsupervisor.adapter.aws.eventstore;

import io.incidentsupervisor.application.storedevents.StoredForm;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An Axon {@link org.axonframework.eventsourcing.eventstore.EventStorageEngine} on DynamoDB.
 *
 * <p>Events live in one table keyed by (aggregate id, sequence number); a commit is one conditional transaction, so a
 * taken sequence number fails the whole commit and nothing is half-written, and the same transaction moves the counter
 * item that gives the events their global sequence numbers ({@link EventAppends}); a sparse global index over (bucket,
 * global sequence) lets tracking readers walk the whole stream in order with queries alone. That index is eventually
 * consistent: an event it does not show yet is a gap, which {@link GapAwareTrackingToken}s skip once it is older than
 * the gap timeout.
 *
 * <p>Event identifiers are unique within an aggregate's stream only: DynamoDB has no secondary unique constraint, and
 * enforcing one would cost a guard item per event in every transaction (twice the writes, half the events per commit).
 *
 * <p>Snapshots are off unless {@link Builder#snapshots(boolean)} turns them on: incidents have a handful of events, so
 * no snapshot trigger is configured, and the snapshot lookup each aggregate load would make is skipped.
 */
public final class DynamoDbEventStorageEngine extends BatchingEventStorageEngine {

    private final EventAppends appends;
    private final AggregateStreams streams;
    private final GlobalOrder globalOrder;

    private DynamoDbEventStorageEngine(Builder builder) {
        super(builder);
        Duration apiCallTimeout = builder.apiCallTimeout;
        Consumer<AwsRequestOverrideConfiguration.Builder> timeout = o -> o.apiCallTimeout(apiCallTimeout);
        EventQueries queries = new EventQueries(builder.dynamoDb, timeout);
        this.appends = new EventAppends(
                builder.dynamoDb, builder.tables, timeout, apiCallTimeout, this::handlePersistenceException);
        this.streams = new AggregateStreams(builder.dynamoDb, builder.tables, builder.snapshots, timeout, queries);
        this.globalOrder = new GlobalOrder(
                queries, builder.tables, builder.gapTimeout, builder.clockSkewAllowance, builder.maxGapOffset);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (!events.isEmpty()) {
            appends.append(
                    events.stream()
                            .map(DynamoDbEventStorageEngine::asDomainEvent)
                            .collect(Collectors.toList()),
                    serializer);
        }
    }

    /** An event published without an aggregate is stored under its own identifier, as Axon's JDBC engine does. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event.getTimestamp());
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        streams.storeSnapshot(snapshot, serializer);
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return streams.readSnapshotData(aggregateIdentifier);
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(
            String aggregateIdentifier, long firstSequenceNumber, int batchSize) {
        return streams.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return streams.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return globalOrder.eventsAfter(lastToken, batchSize);
    }

    @Override
    public TrackingToken createTailToken() {
        return globalOrder.tail();
    }

    @Override
    public TrackingToken createHeadToken() {
        return globalOrder.head();
    }

    /** See {@link GlobalOrder#at}: every event at or after {@code dateTime} is delivered, whatever order commits landed in. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return globalOrder.at(dateTime);
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
            persistenceExceptionResolver(EventAppends::isTakenKey);
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
         * How long a global sequence number the index does not show yet is waited for. Must exceed the longest a commit
         * can take from its events' timestamps to its write, which the API-call timeout bounds.
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
                        + "): a commit, its tries included, takes up to the API-call timeout and one call more");
            }
            if (maxGapOffset < 1) {
                throw new AxonConfigurationException("maxGapOffset must be positive: " + maxGapOffset);
            }
        }
    }
}

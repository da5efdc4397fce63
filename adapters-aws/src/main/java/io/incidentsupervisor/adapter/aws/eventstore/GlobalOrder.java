package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.eventstore.EventItems.n;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.BUCKET;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.GLOBAL_ORDER_INDEX;
import static io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables.GLOBAL_SEQUENCE;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The global order of all events, over a sparse index on (bucket, global sequence): tracking readers walk it with queries
 * alone. The index is eventually consistent: an event it does not show yet leaves a gap, which
 * {@link GapAwareTrackingToken}s skip once it is older than the gap timeout.
 */
final class GlobalOrder {

    private static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final EventQueries queries;
    private final EventStoreTables tables;
    private final Duration gapTimeout;
    private final Duration clockSkewAllowance;
    private final int maxGapOffset;

    GlobalOrder(
            EventQueries queries,
            EventStoreTables tables,
            Duration gapTimeout,
            Duration clockSkewAllowance,
            int maxGapOffset) {
        this.queries = queries;
        this.tables = tables;
        this.gapTimeout = gapTimeout;
        this.clockSkewAllowance = clockSkewAllowance;
        this.maxGapOffset = maxGapOffset;
    }

    List<TrackedEventData<?>> eventsAfter(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException(
                    "Token [" + lastToken + "] is of the wrong type; expected a GapAwareTrackingToken");
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        // Re-read from the oldest open gap: the index may show its event since.
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
            QueryResponse page =
                    queries.query(request.exclusiveStartKey(startKey).limit(batchSize));
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
            startKey = EventQueries.nextStartKey(page);
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

    TrackingToken tail() {
        return firstGlobalSequence(true)
                .map(first -> GapAwareTrackingToken.newInstance(first - 1, Collections.emptySet()))
                .orElse(null);
    }

    TrackingToken head() {
        return firstGlobalSequence(false)
                .map(last -> GapAwareTrackingToken.newInstance(last, Collections.emptySet()))
                .orElse(null);
    }

    /**
     * The token just before the oldest event at or after {@code dateTime}, so that every such event is delivered. Commits
     * can land out of timestamp order (a slow handler, a skewed clock), so the walk back from the newest event does not
     * stop at the first older one: it goes on while events are younger than {@code dateTime} minus the gap timeout and
     * the clock-skew allowance. An event's global sequence is given after its timestamp is taken, and the commit ends
     * within the gap timeout, so an event further back than that bound cannot sit in the stream after one at or after
     * {@code dateTime}. Costs one query page per page of events in that span.
     */
    TrackingToken at(Instant dateTime) {
        Instant walkUntil = dateTime.minus(gapTimeout).minus(clockSkewAllowance);
        Long newest = null;
        Long oldestAtOrAfter = null;
        Map<String, AttributeValue> startKey = null;
        QueryRequest.Builder request = globalOrder(false);
        walk:
        do {
            QueryResponse page = queries.query(request.exclusiveStartKey(startKey));
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
            startKey = EventQueries.nextStartKey(page);
        } while (startKey != null);
        if (oldestAtOrAfter != null) {
            return GapAwareTrackingToken.newInstance(oldestAtOrAfter - 1, Collections.emptySet());
        }
        return newest != null ? GapAwareTrackingToken.newInstance(newest, Collections.emptySet()) : head();
    }

    private Optional<Long> firstGlobalSequence(boolean ascending) {
        QueryResponse first = queries.query(globalOrder(ascending).limit(1));
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
}

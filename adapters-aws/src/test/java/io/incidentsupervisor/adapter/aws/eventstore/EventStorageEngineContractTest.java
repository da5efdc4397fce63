package io.incidentsupervisor.adapter.aws.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What any Axon event storage engine must do, run against ours and against Axon's own engines to show the contract
 * itself is sound.
 */
abstract class EventStorageEngineContractTest {

    static final String AGGREGATE_TYPE = "Incident";

    private EventStorageEngine engine;

    /** A new, empty engine for each test. */
    protected abstract EventStorageEngine createEngine();

    /** Axon's in-memory engine does not check sequence numbers at all; the engines that persist do. */
    protected boolean rejectsTakenSequenceNumbers() {
        return true;
    }

    @BeforeEach
    void createEmptyEngine() {
        engine = createEngine();
    }

    @AfterEach
    void restoreTheClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void readsAnAggregatesEventsBackInOrderAcrossCommits() {
        engine.appendEvents(events("A", 0, 3));
        engine.appendEvents(events("B", 0, 2));
        engine.appendEvents(events("A", 3, 2));

        List<DomainEventMessage<?>> read = engine.readEvents("A").asStream().collect(Collectors.toList());

        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(read).extracting(e -> (Object) e.getPayload()).containsExactly("A-0", "A-1", "A-2", "A-3", "A-4");
        assertThat(read).allSatisfy(event -> {
            assertThat(event.getAggregateIdentifier()).isEqualTo("A");
            assertThat(event.getType()).isEqualTo(AGGREGATE_TYPE);
            assertThat(event.getMetaData()).containsEntry("sns-message-id", "msg-" + event.getPayload());
        });
        assertThat(engine.readEvents("unknown").asStream()).isEmpty();
    }

    @Test
    void readsFromAGivenSequenceNumber() {
        engine.appendEvents(events("A", 0, 5));

        assertThat(engine.readEvents("A", 2).asStream())
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(2L, 3L, 4L);
        assertThat(engine.readEvents("A", 5).asStream()).isEmpty();
    }

    @Test
    void readsLongStreamsWhole() {
        for (int first = 0; first < 250; first += 50) {
            engine.appendEvents(events("long", first, 50));
        }

        assertThat(engine.readEvents("long").asStream())
                .extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(
                        IntStream.range(0, 250).mapToObj(Long::valueOf).collect(Collectors.toList()));
        assertThat(engine.lastSequenceNumberFor("long")).contains(249L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEmpty();
    }

    @Test
    void returnsTheLatestSnapshot() {
        engine.appendEvents(events("A", 0, 4));
        engine.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "A", 1, "snapshot-at-1"));
        engine.storeSnapshot(new GenericDomainEventMessage<>(AGGREGATE_TYPE, "A", 3, "snapshot-at-3"));

        assertThat(engine.readSnapshot("A")).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(3);
            assertThat(snapshot.getPayload()).isEqualTo("snapshot-at-3");
        });
        assertThat(engine.readSnapshot("B")).isEmpty();
    }

    @Test
    void streamsEveryEventOnceInCommitOrderFromTheTail() {
        engine.appendEvents(events("A", 0, 2));
        engine.appendEvents(events("B", 0, 1));
        engine.appendEvents(events("A", 2, 1));

        assertThat(payloadsFrom(null)).containsExactly("A-0", "A-1", "B-0", "A-2");
        assertThat(payloadsFrom(engine.createTailToken())).containsExactly("A-0", "A-1", "B-0", "A-2");
    }

    @Test
    void resumesFromAnyTokenItHandedOut() {
        engine.appendEvents(events("A", 0, 3));
        List<? extends TrackedEventMessage<?>> all =
                engine.readEvents(null, false).collect(Collectors.toList());

        TrackingToken afterSecond = all.get(1).trackingToken();
        assertThat(payloadsFrom(afterSecond)).containsExactly("A-2");
        assertThat(payloadsFrom(all.get(2).trackingToken())).isEmpty();
    }

    @Test
    void theHeadTokenSeesOnlyLaterEvents() {
        assertThat(engine.createHeadToken()).as("an empty store has no head").isNull();
        engine.appendEvents(events("A", 0, 2));
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(events("B", 0, 2));

        assertThat(payloadsFrom(head)).containsExactly("B-0", "B-1");
    }

    @Test
    void aTokenAtAnInstantStartsWithTheFirstEventAtOrAfterIt() {
        Instant t1 = Instant.parse("2026-11-23T08:00:00Z");
        appendAt(t1, events("A", 0, 1));
        appendAt(t1.plusSeconds(10), events("A", 1, 1));
        appendAt(t1.plusSeconds(20), events("B", 0, 1));

        assertThat(payloadsFrom(engine.createTokenAt(t1.minusSeconds(1)))).containsExactly("A-0", "A-1", "B-0");
        assertThat(payloadsFrom(engine.createTokenAt(t1.plusSeconds(10)))).containsExactly("A-1", "B-0");
        assertThat(payloadsFrom(engine.createTokenAt(t1.plusSeconds(11)))).containsExactly("B-0");
        assertThat(payloadsFrom(engine.createTokenAt(t1.plusSeconds(21)))).isEmpty();
    }

    @Test
    void aTokenAtAnInstantDeliversEveryEventAtOrAfterItWhenCommitsLandedOutOfTimestampOrder() {
        Instant t1 = Instant.parse("2026-11-23T08:00:00Z");
        appendAt(t1.plusSeconds(60), events("A", 0, 1));
        // A slow handler: its event was stamped before A-0's, but committed after it.
        appendAt(t1, events("B", 0, 1));
        appendAt(t1.plusSeconds(120), events("C", 0, 1));

        assertThat(payloadsFrom(engine.createTokenAt(t1.plusSeconds(30)))).containsExactly("A-0", "B-0", "C-0");
        assertThat(payloadsFrom(engine.createTokenAt(t1.plusSeconds(61)))).containsExactly("C-0");
        assertThat(payloadsFrom(engine.createTokenAt(t1.plusSeconds(121)))).isEmpty();
    }

    @Test
    void aTakenFirstEventIsAnAggregateStreamCreationConflict() {
        assumeTrue(rejectsTakenSequenceNumbers(), "this engine does not check sequence numbers");
        engine.appendEvents(events("A", 0, 1));

        assertThatThrownBy(() -> engine.appendEvents(events("A", 0, 1)))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(engine.readEvents("A").asStream()).hasSize(1);
    }

    @Test
    void aTakenLaterSequenceNumberIsAConcurrencyConflict() {
        assumeTrue(rejectsTakenSequenceNumbers(), "this engine does not check sequence numbers");
        engine.appendEvents(events("A", 0, 3));

        assertThatThrownBy(() -> engine.appendEvents(events("A", 2, 2))).isInstanceOf(ConcurrencyException.class);
        assertThat(engine.readEvents("A").asStream())
                .extracting(e -> (Object) e.getPayload())
                .containsExactly("A-0", "A-1", "A-2");
    }

    private void appendAt(Instant instant, List<EventMessage<?>> events) {
        GenericEventMessage.clock = Clock.fixed(instant, ZoneOffset.UTC);
        List<EventMessage<?>> stamped = events.stream()
                .map(e -> (EventMessage<?>) new GenericDomainEventMessage<>(
                        AGGREGATE_TYPE,
                        ((DomainEventMessage<?>) e).getAggregateIdentifier(),
                        ((DomainEventMessage<?>) e).getSequenceNumber(),
                        e.getPayload(),
                        e.getMetaData()))
                .collect(Collectors.toList());
        engine.appendEvents(stamped);
    }

    private List<Object> payloadsFrom(TrackingToken token) {
        return engine.readEvents(token, false).map(EventMessage::getPayload).collect(Collectors.toList());
    }

    static List<EventMessage<?>> events(String aggregateId, int firstSequence, int count) {
        return IntStream.range(firstSequence, firstSequence + count)
                .mapToObj(seq -> (EventMessage<?>) new GenericDomainEventMessage<>(
                        AGGREGATE_TYPE,
                        aggregateId,
                        seq,
                        aggregateId + "-" + seq,
                        MetaData.from(Map.of("sns-message-id", "msg-" + aggregateId + "-" + seq))))
                .collect(Collectors.toList());
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class DynamoDbEngineConcurrencyTest {

    private static final int THREADS = 4;
    private static final int APPENDS_PER_THREAD = 1_000;
    private static final int AGGREGATES = 8;

    @Test
    void fourWritersRacingOverSharedAggregatesLoseNothingAndDuplicateNothing() throws Exception {
        EventStoreTables tables = SharedDynamoDbLocal.uniqueEventTables();
        tables.createIfMissing(SharedDynamoDbLocal.client());
        DynamoDbEventStorageEngine engine = DynamoDbEventStorageEngine.builder()
                .dynamoDb(SharedDynamoDbLocal.client())
                .tables(tables)
                .build();

        ExecutorService writers = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> conflicts = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            conflicts.add(writers.submit(writer(engine, thread)));
        }
        int conflictCount = 0;
        for (Future<Integer> writer : conflicts) {
            conflictCount += writer.get();
        }
        writers.shutdown();

        Map<String, List<Long>> sequencesPerAggregate = new HashMap<>();
        long total = 0;
        for (int a = 0; a < AGGREGATES; a++) {
            List<Long> sequences = engine.readEvents("agg-" + a)
                    .asStream()
                    .map(DomainEventMessage::getSequenceNumber)
                    .collect(Collectors.toList());
            assertThat(sequences)
                    .as("agg-%d has no hole and no duplicate", a)
                    .containsExactlyElementsOf(
                            LongStream.range(0, sequences.size()).boxed().collect(Collectors.toList()));
            sequencesPerAggregate.put("agg-" + a, sequences);
            total += sequences.size();
        }
        assertThat(total).as("every successful append is stored").isEqualTo(THREADS * APPENDS_PER_THREAD);

        List<? extends TrackedEventMessage<?>> global =
                engine.readEvents(null, false).collect(Collectors.toList());
        assertThat(global).hasSize(THREADS * APPENDS_PER_THREAD);
        assertThat(global.stream()
                        .map(TrackedEventMessage::getIdentifier)
                        .distinct()
                        .count())
                .as("each event exactly once")
                .isEqualTo(global.size());
        Map<String, List<Long>> globalOrderPerAggregate = global.stream()
                .map(e -> (DomainEventMessage<?>) e)
                .collect(Collectors.groupingBy(
                        DomainEventMessage::getAggregateIdentifier,
                        Collectors.mapping(DomainEventMessage::getSequenceNumber, Collectors.toList())));
        assertThat(globalOrderPerAggregate)
                .as("the global stream keeps each aggregate's order")
                .isEqualTo(sequencesPerAggregate);
        assertThat(conflictCount).as("the writers did race").isPositive();
    }

    private static Callable<Integer> writer(DynamoDbEventStorageEngine engine, int thread) {
        return () -> {
            int conflicts = 0;
            for (int n = 0; n < APPENDS_PER_THREAD; n++) {
                String aggregate = "agg-" + ThreadLocalRandom.current().nextInt(AGGREGATES);
                while (true) {
                    long next = engine.lastSequenceNumberFor(aggregate)
                            .map(last -> last + 1)
                            .orElse(0L);
                    try {
                        engine.appendEvents(List.of(new GenericDomainEventMessage<>(
                                "Incident", aggregate, next, "writer-" + thread + "-" + n)));
                        break;
                    } catch (ConcurrencyException | AggregateStreamCreationException taken) {
                        conflicts++;
                    }
                }
            }
            return conflicts;
        };
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import io.incidentsupervisor.adapter.aws.local.RequestCounter;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.application.storedevents.StoredForm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Today's one-request commit ({@link EventAppends}) against the two-request commit it replaced
 * ({@link TwoRequestAppends}), on one DynamoDB Local, alternating, each on fresh tables: commits per second, requests
 * per commit, and retries per commit with four writers (four processes, each its own appender) on one aggregate and on
 * one hundred.
 */
final class CommitComparison {

    private static final int SINGLE_COMMITS = 1_000;
    private static final int BATCH_COMMITS = 200;
    private static final int CONTENDED_COMMITS_PER_WRITER = 150;
    private static final int WRITERS = 4;

    private final DynamoDbClient client;
    private final RequestCounter requests;
    private final Serializer serializer = StoredForm.serializer();
    private final Consumer<AwsRequestOverrideConfiguration.Builder> timeout =
            o -> o.apiCallTimeout(Duration.ofSeconds(10));

    /** One way of committing, with what it counts of its own retries. */
    private interface Commits {
        void append(List<DomainEventMessage<?>> events);

        default long counterRetries() {
            return 0;
        }
    }

    CommitComparison(DynamoDbClient client, RequestCounter requests) {
        this.client = client;
        this.requests = requests;
    }

    /** Rows of measure, one-request, two-request, ratio. */
    List<String[]> measure() {
        List<String[]> rows = new ArrayList<>();
        rows.add(ratio("single-event commits/s", rate(true, SINGLE_COMMITS, 1), rate(false, SINGLE_COMMITS, 1)));
        rows.add(ratio("10-event commits/s", rate(true, BATCH_COMMITS, 10), rate(false, BATCH_COMMITS, 10)));
        rows.add(plain("requests per single-event commit", requestsPerCommit(true, 1), requestsPerCommit(false, 1)));
        rows.add(plain("requests per 10-event commit", requestsPerCommit(true, 10), requestsPerCommit(false, 10)));
        for (int aggregates : new int[] {1, 100}) {
            double[] ours = contended(true, aggregates);
            double[] theirs = contended(false, aggregates);
            String on = aggregates == 1 ? "one aggregate" : aggregates + " aggregates";
            rows.add(plain("4 writers on " + on + ": retries per commit", ours[0], theirs[0]));
            rows.add(plain("  of them on the counter", ours[1], theirs[1]));
            rows.add(ratio("4 writers on " + on + ": commits/s", ours[2], theirs[2]));
        }
        return rows;
    }

    private double rate(boolean oneRequest, int commits, int size) {
        Commits appends = appends(oneRequest, tables());
        appends.append(domain(EventStoreBench.events("warm", 0, size)));
        long started = System.nanoTime();
        for (int i = 0; i < commits; i++) {
            appends.append(domain(EventStoreBench.events("agg-" + (i % 200), (i / 200) * size, size)));
        }
        return commits / ((System.nanoTime() - started) / 1e9);
    }

    private double requestsPerCommit(boolean oneRequest, int size) {
        Commits appends = appends(oneRequest, tables());
        appends.append(domain(EventStoreBench.events("warm", 0, size)));
        requests.reset();
        for (int i = 0; i < 100; i++) {
            appends.append(domain(EventStoreBench.events("counted", i * size, size)));
        }
        return requests.total() / 100.0;
    }

    /** Retries per commit (all, then those on the counter alone), and commits per second, of four racing writers. */
    private double[] contended(boolean oneRequest, int aggregates) {
        EventStoreTables tables = tables();
        Map<String, AtomicLong> next = new ConcurrentHashMap<>();
        LongAdder taken = new LongAdder();
        List<Commits> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(appends(oneRequest, tables));
        }
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (Commits writer : writers) {
            running.add(pool.submit(() -> {
                for (int n = 0; n < CONTENDED_COMMITS_PER_WRITER; n++) {
                    String aggregate = "hot-" + (n * 7 + writer.hashCode()) % aggregates;
                    AtomicLong sequence = next.computeIfAbsent(aggregate, a -> new AtomicLong());
                    while (true) {
                        long seq = sequence.get();
                        try {
                            writer.append(domain(EventStoreBench.events(aggregate, (int) seq, 1)));
                            sequence.accumulateAndGet(seq + 1, Math::max);
                            break;
                        } catch (ConcurrencyException inTheWay) {
                            taken.increment();
                            sequence.accumulateAndGet(seq + 1, Math::max);
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> writer : running) {
                writer.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a writer failed", e);
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double commits = WRITERS * CONTENDED_COMMITS_PER_WRITER;
        long counter = writers.stream().mapToLong(Commits::counterRetries).sum();
        return new double[] {(taken.sum() + counter) / commits, counter / commits, commits / seconds};
    }

    private Commits appends(boolean oneRequest, EventStoreTables tables) {
        EventAppends.FailedWrite failed = (e, event) -> {
            if (EventAppends.isTakenKey(e)) {
                throw new ConcurrencyException("taken: " + event.getAggregateIdentifier(), e);
            }
            throw new EventStoreException("failed", e);
        };
        if (oneRequest) {
            EventAppends appends = new EventAppends(client, tables, timeout, Duration.ofSeconds(10), failed);
            return new Commits() {
                @Override
                public void append(List<DomainEventMessage<?>> events) {
                    appends.append(events, serializer);
                }

                @Override
                public long counterRetries() {
                    return appends.contended();
                }
            };
        }
        TwoRequestAppends appends = new TwoRequestAppends(client, tables, timeout, failed);
        return events -> appends.append(events, serializer);
    }

    private EventStoreTables tables() {
        EventStoreTables tables = SharedDynamoDbLocal.withPrefix("commits" + System.nanoTime() + "-");
        tables.createIfMissing(client);
        return tables;
    }

    private static List<DomainEventMessage<?>> domain(List<EventMessage<?>> events) {
        return events.stream().map(e -> (DomainEventMessage<?>) e).collect(Collectors.toList());
    }

    private static String[] ratio(String name, double ours, double theirs) {
        return new String[] {name, format(ours), format(theirs), String.format(Locale.ROOT, "%.2f", ours / theirs)};
    }

    private static String[] plain(String name, double ours, double theirs) {
        return new String[] {name, format(ours), format(theirs), "-"};
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}

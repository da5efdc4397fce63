package io.incidentsupervisor.adapter.aws.eventstore;

import io.incidentsupervisor.adapter.aws.investigation.InvestigationRig;
import io.incidentsupervisor.adapter.aws.local.RequestCounter;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.local.DynamoDbLocal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Measures our DynamoDB engine (on DynamoDB Local over loopback) against Axon's JdbcEventStorageEngine (on in-memory
 * HSQLDB) in one run, and prints a table with their ratio. Not a test: run it with
 * {@code ./mvnw -B -q -Pbench -pl adapters-aws -am -DskipTests verify}.
 */
public final class EventStoreBench {

    private static final int SINGLE_COMMITS = 2_000;
    private static final int BATCH_COMMITS = 300;
    private static final int REPLAYS = 300;
    private static final int STREAM_EVENTS = 10_000;
    private static final int WARM_UP_ROUNDS = 1;

    private final List<String[]> rows = new ArrayList<>();
    private final List<String[]> commitRows = new ArrayList<>();

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        new EventStoreBench().run();
    }

    private void run() {
        RequestCounter requests = new RequestCounter();
        try (DynamoDbLocal dynamoDbLocal = DynamoDbLocal.inMemory();
                DynamoDbClient client = dynamoDbLocal.newClient(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(requests)
                        .build())) {
            Supplier<EventStorageEngine> dynamoDb = () -> {
                EventStoreTables tables = SharedDynamoDbLocal.withPrefix("bench" + System.nanoTime() + "-");
                tables.createIfMissing(client);
                return DynamoDbEventStorageEngine.builder()
                        .dynamoDb(client)
                        .tables(tables)
                        .build();
            };
            Supplier<EventStorageEngine> jdbc = ReferenceJdbcEngine::inMemoryHsqldb;

            for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                measureAll(dynamoDb, jdbc, requests, false);
            }
            measureAll(dynamoDb, jdbc, requests, true);
            new CommitComparison(client, requests).measure();
            commitRows.addAll(new CommitComparison(client, requests).measure());
        }
        print();
    }

    private void measureAll(
            Supplier<EventStorageEngine> dynamoDb,
            Supplier<EventStorageEngine> jdbc,
            RequestCounter requests,
            boolean record) {
        compare(
                record,
                "single-event commits/s",
                dynamoDb,
                jdbc,
                engine -> rate(SINGLE_COMMITS, () -> {
                    for (int i = 0; i < SINGLE_COMMITS; i++) {
                        engine.appendEvents(events("single-" + (i % 200), i / 200, 1));
                    }
                }));
        compare(
                record,
                "10-event commits/s",
                dynamoDb,
                jdbc,
                engine -> rate(BATCH_COMMITS, () -> {
                    for (int i = 0; i < BATCH_COMMITS; i++) {
                        engine.appendEvents(events("batch-" + (i % 30), (i / 30) * 10, 10));
                    }
                }));
        compare(record, "replays/s (one aggregate, 50 events)", dynamoDb, jdbc, engine -> {
            engine.appendEvents(events("replayed", 0, 50));
            return rate(REPLAYS, () -> {
                for (int i = 0; i < REPLAYS; i++) {
                    if (engine.readEvents("replayed").asStream().count() != 50) {
                        throw new IllegalStateException("replay lost events");
                    }
                }
            });
        });
        compare(record, "global stream events/s (10,000 events)", dynamoDb, jdbc, engine -> {
            for (int i = 0; i < STREAM_EVENTS / 10; i++) {
                engine.appendEvents(events("stream-" + (i % 100), (i / 100) * 10, 10));
            }
            return rate(STREAM_EVENTS, () -> {
                if (engine.readEvents(null, false).count() != STREAM_EVENTS) {
                    throw new IllegalStateException("stream lost events");
                }
            });
        });
        if (record) {
            EventStorageEngine engine = dynamoDb.get();
            engine.appendEvents(events("warm", 0, 1)); // the process's first commit reads the counter
            requests.reset();
            for (int i = 0; i < 100; i++) {
                engine.appendEvents(events("counted", i, 1));
            }
            rows.add(new String[] {
                "DynamoDB requests per single-event commit", format(requests.total() / 100.0), "-", "-"
            });
            requests.reset();
            for (int i = 0; i < 100; i++) {
                engine.appendEvents(events("counted-10", i * 10, 10));
            }
            rows.add(
                    new String[] {"DynamoDB requests per 10-event commit", format(requests.total() / 100.0), "-", "-"});
            Map<String, Map<String, Long>> repeat = InvestigationRig.repeatRequests();
            for (String kind : List.of("repeat", "duplicate")) {
                rows.add(new String[] {
                    "DynamoDB requests per " + kind + (kind.equals("repeat") ? " alert (warm)" : " delivery"),
                    Long.toString(repeat.get(kind).values().stream()
                            .mapToLong(Long::longValue)
                            .sum()),
                    "-",
                    "-"
                });
            }
            Map<String, Long> perAlert = InvestigationRig.firstDeliveryRequests();
            rows.add(new String[] {
                "DynamoDB requests per first-delivery alert",
                Long.toString(
                        perAlert.values().stream().mapToLong(Long::longValue).sum()),
                "-",
                "-"
            });
        }
    }

    private interface Measurement {
        double perSecond(EventStorageEngine engine);
    }

    private void compare(
            boolean record,
            String name,
            Supplier<EventStorageEngine> dynamoDb,
            Supplier<EventStorageEngine> jdbc,
            Measurement measurement) {
        double ours = measurement.perSecond(dynamoDb.get());
        double reference = measurement.perSecond(jdbc.get());
        if (record) {
            rows.add(new String[] {
                name, format(ours), format(reference), String.format(Locale.ROOT, "%.2f", ours / reference)
            });
        }
    }

    private static double rate(int operations, Runnable work) {
        long started = System.nanoTime();
        work.run();
        return operations / ((System.nanoTime() - started) / 1e9);
    }

    static List<EventMessage<?>> events(String aggregate, int firstSequence, int count) {
        List<EventMessage<?>> events = new ArrayList<>(count);
        for (int seq = firstSequence; seq < firstSequence + count; seq++) {
            Instant at = Instant.parse("2026-11-23T08:00:00Z").plusSeconds(seq);
            IncidentAlert alert = IncidentAlert.of(
                    "S3AccessError",
                    "User: arn:aws:sts::123456789012:assumed-role/data-processor-role/data-processor is not authorized to perform: s3:GetObject",
                    "AccessDenied",
                    "data-processor",
                    at.toString());
            events.add(new GenericDomainEventMessage<>(
                    "Incident",
                    aggregate,
                    seq,
                    new IncidentReceived(alert.incidentId(), alert, at),
                    MetaData.with("sns-message-id", "95df01b4-ee98-5cb9-9903-4c221d41eb5e")));
        }
        return events;
    }

    private void print() {
        String format = "| %-42s | %14s | %14s | %13s |%n";
        System.out.printf(format, "measure", "DynamoDB Local", "JDBC (HSQLDB)", "DynamoDB/JDBC");
        System.out.printf(format, "---", "---", "---", "---");
        rows.forEach(row -> System.out.printf(format, (Object[]) row));
        System.out.printf(
                "%njava %s, %d cores; DynamoDB Local 2.6.1 in-memory over loopback HTTP; HSQLDB in-memory.%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.printf(format, "commit (same DynamoDB Local)", "one request", "two requests", "one/two");
        System.out.printf(format, "---", "---", "---", "---");
        commitRows.forEach(row -> System.out.printf(format, (Object[]) row));
    }

    private static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.KeyAttribute;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.SecondaryIndex;
import io.incidentsupervisor.application.port.in.PublishLifecycleEvents;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The event store's two tables, their keys and index: the one place the schema is written down. {@link #createIfMissing}
 * creates them for local runs and tests, and verifies the keys of tables that already exist.
 */
public record EventStoreTables(String events, String snapshots) {

    static final String AGGREGATE_ID = "aggregateId";
    static final String SEQUENCE = "seq";
    static final String GLOBAL_ORDER_INDEX = "global-order";
    static final String BUCKET = "bucket";
    static final String GLOBAL_SEQUENCE = "globalSeq";

    public EventStoreTables {
        requireTableName(events);
        requireTableName(snapshots);
        if (events.equals(snapshots)) {
            throw new IllegalArgumentException("The events and snapshots tables must differ: " + events);
        }
    }

    /** The names the stack creates and the service reads unless configured otherwise. */
    public static final EventStoreTables DEFAULT =
            new EventStoreTables("incident-supervisor-events", "incident-supervisor-snapshots");

    /** Creates whichever table is missing and waits until both are active; throws if an existing one has other keys. */
    /**
     * The stored event a stream record's keys (as text) name; empty for the table's other item, the global sequence
     * counter (sequence -1).
     */
    public static Optional<PublishLifecycleEvents.Committed> committed(Map<String, String> keys) {
        String aggregate = keys.get(AGGREGATE_ID);
        String sequence = keys.get(SEQUENCE);
        if (aggregate == null || sequence == null || Long.parseLong(sequence) < 0) {
            return Optional.empty();
        }
        return Optional.of(new PublishLifecycleEvents.Committed(new IncidentId(aggregate), Long.parseLong(sequence)));
    }

    public void createIfMissing(DynamoDbClient dynamoDb) {
        definitions().forEach(table -> ensure(dynamoDb, table));
    }

    /** Both tables as CreateTable requests: what local runs create and what the deployment stack declares. */
    public List<CreateTableRequest> definitions() {
        return List.of(
                DynamoDbTables.table(
                        events,
                        KeyAttribute.string(AGGREGATE_ID),
                        KeyAttribute.number(SEQUENCE),
                        new SecondaryIndex(
                                GLOBAL_ORDER_INDEX,
                                KeyAttribute.number(BUCKET),
                                KeyAttribute.number(GLOBAL_SEQUENCE),
                                ProjectionType.ALL)),
                DynamoDbTables.table(snapshots, KeyAttribute.string(AGGREGATE_ID), KeyAttribute.number(SEQUENCE)));
    }

    private static void ensure(DynamoDbClient dynamoDb, CreateTableRequest wanted) {
        DynamoDbTables.createIfMissing(dynamoDb, wanted);
        DynamoDbTables.mismatch(wanted, describe(dynamoDb, wanted.tableName())).ifPresent(difference -> {
            throw new IllegalStateException("Table " + wanted.tableName() + " " + difference);
        });
    }

    private static TableDescription describe(DynamoDbClient dynamoDb, String table) {
        try {
            return dynamoDb.describeTable(b -> b.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            throw new IllegalStateException("Table " + table + " was created but cannot be described", e);
        }
    }

    private static void requireTableName(String name) {
        Objects.requireNonNull(name, "table name");
        if (!name.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException("A DynamoDB table name is 3 to 255 of [A-Za-z0-9_.-], not: " + name);
        }
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.adapter.aws.DynamoDbTables.attribute;
import static io.incidentsupervisor.adapter.aws.DynamoDbTables.index;
import static io.incidentsupervisor.adapter.aws.DynamoDbTables.key;

import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
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

    public static EventStoreTables withPrefix(String prefix) {
        return new EventStoreTables(prefix + "events", prefix + "snapshots");
    }

    /** Creates whichever table is missing and waits until both are active; throws if an existing one has other keys. */
    public void createIfMissing(DynamoDbClient dynamoDb) {
        definitions().forEach(table -> ensure(dynamoDb, table));
    }

    /** Both tables as CreateTable requests: what local runs create and what the deployment stack declares. */
    public List<CreateTableRequest> definitions() {
        return List.of(
                CreateTableRequest.builder()
                        .tableName(events)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                attribute(AGGREGATE_ID, ScalarAttributeType.S),
                                attribute(SEQUENCE, ScalarAttributeType.N),
                                attribute(BUCKET, ScalarAttributeType.N),
                                attribute(GLOBAL_SEQUENCE, ScalarAttributeType.N))
                        .keySchema(key(AGGREGATE_ID, KeyType.HASH), key(SEQUENCE, KeyType.RANGE))
                        .globalSecondaryIndexes(index(
                                GLOBAL_ORDER_INDEX,
                                ProjectionType.ALL,
                                key(BUCKET, KeyType.HASH),
                                key(GLOBAL_SEQUENCE, KeyType.RANGE)))
                        .build(),
                CreateTableRequest.builder()
                        .tableName(snapshots)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                attribute(AGGREGATE_ID, ScalarAttributeType.S),
                                attribute(SEQUENCE, ScalarAttributeType.N))
                        .keySchema(key(AGGREGATE_ID, KeyType.HASH), key(SEQUENCE, KeyType.RANGE))
                        .build());
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

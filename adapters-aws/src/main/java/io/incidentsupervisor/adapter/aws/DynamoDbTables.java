package io.incidentsupervisor.adapter.aws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** Creating this project's tables for local runs and tests; in AWS the stack creates them. */
public final class DynamoDbTables {

    private DynamoDbTables() {}

    /** Creates the table unless it exists (created before, or by a concurrent caller) and waits until it does. */
    public static void createIfMissing(DynamoDbClient dynamoDb, CreateTableRequest table) {
        try {
            dynamoDb.createTable(table);
        } catch (ResourceInUseException exists) {
            // Nothing to create.
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()));
    }

    /** Switches TTL on for {@code attribute} unless it is on; enabling it twice fails ("TimeToLive is already enabled"). */
    public static void enableTtl(DynamoDbClient dynamoDb, String table, String attribute) {
        TimeToLiveStatus ttl = dynamoDb.describeTimeToLive(b -> b.tableName(table))
                .timeToLiveDescription()
                .timeToLiveStatus();
        if (ttl == TimeToLiveStatus.DISABLED) {
            dynamoDb.updateTimeToLive(b -> b.tableName(table)
                    .timeToLiveSpecification(t -> t.attributeName(attribute).enabled(true)));
        }
    }

    /**
     * Replaces a table whose keys or indexes differ from its definition (a local database from an earlier version) with
     * an empty one as defined; returns whether it did. Only for derived data that can be rebuilt.
     */
    public static boolean recreateIfDifferent(DynamoDbClient dynamoDb, CreateTableRequest table) {
        TableDescription actual =
                dynamoDb.describeTable(b -> b.tableName(table.tableName())).table();
        if (mismatch(table, actual).isEmpty()) {
            return false;
        }
        dynamoDb.deleteTable(b -> b.tableName(table.tableName()));
        dynamoDb.waiter().waitUntilTableNotExists(b -> b.tableName(table.tableName()));
        createIfMissing(dynamoDb, table);
        return true;
    }

    /** A key attribute: its name and scalar type. */
    public record KeyAttribute(String name, ScalarAttributeType type) {

        public static KeyAttribute string(String name) {
            return new KeyAttribute(name, ScalarAttributeType.S);
        }

        public static KeyAttribute number(String name) {
            return new KeyAttribute(name, ScalarAttributeType.N);
        }
    }

    /** A global secondary index: its name, its key and what it projects. */
    public record SecondaryIndex(String name, KeyAttribute hash, KeyAttribute range, ProjectionType projection) {}

    /**
     * A pay-per-request table keyed by {@code hash}, and {@code range} unless it is null, with its indexes; the key
     * attributes are declared from the table's and the indexes' keys.
     */
    public static CreateTableRequest table(
            String name, KeyAttribute hash, KeyAttribute range, SecondaryIndex... indexes) {
        Set<KeyAttribute> keys = new LinkedHashSet<>();
        keys.add(hash);
        if (range != null) {
            keys.add(range);
        }
        List<GlobalSecondaryIndex> globalIndexes = new ArrayList<>();
        for (SecondaryIndex index : indexes) {
            keys.add(index.hash());
            keys.add(index.range());
            globalIndexes.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.hash(), index.range()))
                    .projection(Projection.builder()
                            .projectionType(index.projection())
                            .build())
                    .build());
        }
        CreateTableRequest.Builder table = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(keys.stream()
                        .map(key -> AttributeDefinition.builder()
                                .attributeName(key.name())
                                .attributeType(key.type())
                                .build())
                        .toList())
                .keySchema(keySchema(hash, range));
        return globalIndexes.isEmpty()
                ? table.build()
                : table.globalSecondaryIndexes(globalIndexes).build();
    }

    private static List<KeySchemaElement> keySchema(KeyAttribute hash, KeyAttribute range) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder()
                .attributeName(hash.name())
                .keyType(KeyType.HASH)
                .build());
        if (range != null) {
            schema.add(KeySchemaElement.builder()
                    .attributeName(range.name())
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return schema;
    }

    /** How an existing table differs from its definition in keys, indexes and index projections, if it does. */
    public static Optional<String> mismatch(CreateTableRequest wanted, TableDescription actual) {
        if (!actual.keySchema().equals(wanted.keySchema())) {
            return Optional.of("has keys " + actual.keySchema() + "; expected " + wanted.keySchema());
        }
        for (GlobalSecondaryIndex index : wanted.globalSecondaryIndexes()) {
            Optional<GlobalSecondaryIndexDescription> present = actual.globalSecondaryIndexes().stream()
                    .filter(p -> p.indexName().equals(index.indexName()))
                    .findFirst();
            if (present.isEmpty()) {
                return Optional.of("lacks the index " + index.indexName() + " on " + index.keySchema());
            }
            if (!present.get().keySchema().equals(index.keySchema())
                    || present.get().projection().projectionType()
                            != index.projection().projectionType()) {
                return Optional.of("has the index " + index.indexName() + " on "
                        + present.get().keySchema() + " projecting "
                        + present.get().projection().projectionTypeAsString() + "; expected " + index.keySchema()
                        + " projecting "
                        + index.projection().projectionTypeAsString());
            }
        }
        return Optional.empty();
    }
}

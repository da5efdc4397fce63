package io.incidentsupervisor.adapter.aws;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
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

    /** A key attribute's name and type, for a table definition. */
    public static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(type)
                .build();
    }

    /** One element of a table's or an index's key. */
    public static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** A global secondary index on the given key, projecting the given attributes. */
    public static GlobalSecondaryIndex index(String name, ProjectionType projection, KeySchemaElement... keys) {
        return GlobalSecondaryIndex.builder()
                .indexName(name)
                .keySchema(keys)
                .projection(Projection.builder().projectionType(projection).build())
                .build();
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

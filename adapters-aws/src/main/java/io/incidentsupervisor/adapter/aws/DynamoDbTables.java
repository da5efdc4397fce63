package io.incidentsupervisor.adapter.aws;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/** Creating this project's tables for local runs and tests; in AWS the stack creates them. */
public final class DynamoDbTables {

    private DynamoDbTables() {
    }

    /** Creates the table unless it exists (created before, or by a concurrent caller) and waits until it does. */
    public static void createIfMissing(DynamoDbClient dynamoDb, CreateTableRequest table) {
        try {
            dynamoDb.createTable(table);
        } catch (ResourceInUseException exists) {
            // Nothing to create.
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.tableName()));
    }
}

package io.incidentsupervisor.adapter.aws.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class EventStoreTablesTest {

    private final DynamoDbClient dynamoDb = SharedDynamoDbLocal.client();

    @Test
    void creatingTwiceIsHarmlessAndYieldsTheDocumentedSchema() {
        EventStoreTables tables = SharedDynamoDbLocal.uniqueEventTables();
        tables.createIfMissing(dynamoDb);
        tables.createIfMissing(dynamoDb);

        var events = dynamoDb.describeTable(b -> b.tableName(tables.events())).table();
        assertThat(events.keySchema())
                .extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("aggregateId:HASH", "seq:RANGE");
        assertThat(events.globalSecondaryIndexes()).singleElement().satisfies(index -> {
            assertThat(index.indexName()).isEqualTo("global-order");
            assertThat(index.keySchema())
                    .extracting(k -> k.attributeName() + ":" + k.keyType())
                    .containsExactly("bucket:HASH", "globalSeq:RANGE");
        });
        assertThat(dynamoDb.describeTable(b -> b.tableName(tables.snapshots()))
                        .table()
                        .keySchema())
                .hasSize(2);
    }

    @Test
    void anExistingTableWithOtherKeysIsRefusedByName() {
        EventStoreTables tables = SharedDynamoDbLocal.uniqueEventTables();
        dynamoDb.createTable(b -> b.tableName(tables.events())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));

        assertThatThrownBy(() -> tables.createIfMissing(dynamoDb))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Table " + tables.events() + " has keys");
    }

    @Test
    void tableNamesFollowDynamoDbRules() {
        assertThatThrownBy(() -> new EventStoreTables("ev", "snapshots")).hasMessageContaining("3 to 255");
        assertThatThrownBy(() -> new EventStoreTables("same", "same")).hasMessageContaining("must differ");
    }
}

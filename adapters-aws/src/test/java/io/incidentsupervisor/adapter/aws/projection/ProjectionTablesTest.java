package io.incidentsupervisor.adapter.aws.projection;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;

class ProjectionTablesTest {

    private final DynamoDbClient dynamoDb = SharedDynamoDbLocal.client();
    private final ProjectionTables tables = SharedDynamoDbLocal.uniqueProjectionTables();

    @Test
    void createsBothTablesOnceAndReportsNothingReplaced() {
        assertThat(tables.createIfMissing(dynamoDb)).isFalse();
        assertThat(tables.createIfMissing(dynamoDb)).isFalse();
        assertThat(indexes(tables.states()))
                .containsExactlyInAnyOrder("open-by-stale-at", "evidence-pending", "recent", "by-cause");
    }

    @Test
    void aStateTableFromAnEarlierVersionIsReplacedSoTheProjectionsAreRebuilt() {
        CreateTableRequest current = tables.definitions().get(0);
        // The state table as it was before the evidence-pending and recent indexes.
        DynamoDbTables.createIfMissing(
                dynamoDb,
                current.toBuilder()
                        .globalSecondaryIndexes(current.globalSecondaryIndexes().get(0))
                        .attributeDefinitions(current.attributeDefinitions().subList(0, 3))
                        .build());
        assertThat(indexes(tables.states())).containsExactly("open-by-stale-at");

        assertThat(tables.createIfMissing(dynamoDb)).isTrue();
        assertThat(indexes(tables.states()))
                .containsExactlyInAnyOrder("open-by-stale-at", "evidence-pending", "recent", "by-cause");
    }

    private List<String> indexes(String table) {
        return dynamoDb.describeTable(b -> b.tableName(table)).table().globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName)
                .toList();
    }
}

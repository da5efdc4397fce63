package io.incidentsupervisor.adapter.aws.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The engine's queries: each bounded in time, each failure an {@link EventStoreException} naming the table. */
final class EventQueries {

    private final DynamoDbClient dynamoDb;
    private final Consumer<AwsRequestOverrideConfiguration.Builder> timeout;

    EventQueries(DynamoDbClient dynamoDb, Consumer<AwsRequestOverrideConfiguration.Builder> timeout) {
        this.dynamoDb = dynamoDb;
        this.timeout = timeout;
    }

    /** Follows pages until {@code limit} items are in hand or the key range is exhausted: a page may stop early at 1 MB. */
    List<Map<String, AttributeValue>> queryUpTo(QueryRequest.Builder request, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        do {
            QueryResponse page = query(request.exclusiveStartKey(startKey).limit(limit - items.size()));
            items.addAll(page.items());
            startKey = nextStartKey(page);
        } while (startKey != null && items.size() < limit);
        return items;
    }

    /** Where the next page starts, or null when this page was the last. */
    static Map<String, AttributeValue> nextStartKey(QueryResponse page) {
        return page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    }

    QueryResponse query(QueryRequest.Builder request) {
        QueryRequest built = request.overrideConfiguration(timeout).build();
        try {
            return dynamoDb.query(built);
        } catch (SdkException e) {
            throw new EventStoreException(
                    "Could not query " + built.tableName() + (built.indexName() == null ? "" : "/" + built.indexName()),
                    e);
        }
    }
}

package io.incidentsupervisor.adapter.aws.projection;

import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.FAILED_AT;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.LAMBDA_NAME;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.RECENT_ALL;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.RECENT_BUCKET;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.RECENT_INDEX;

import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Listing: the state table's {@code recent} index holds every incident by when its function failed; a query reads it
 * newest first with the filter applied by DynamoDB, page by page, at most {@value #MAX_PAGES} pages.
 */
final class RecentIncidents {

    /** A filter that matches little never reads the whole index. */
    static final int MAX_PAGES = 20;

    private RecentIncidents() {}

    static List<IncidentStateRow> query(DynamoDbClient dynamoDb, String table, IncidentFilter filter, int limit) {
        Map<String, String> names = new LinkedHashMap<>(Map.of("#bucket", RECENT_BUCKET, "#failedAt", FAILED_AT));
        Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(
                ":all",
                AttributeValue.fromS(RECENT_ALL),
                ":since",
                AttributeValue.fromN(Long.toString(
                        filter.since() == null ? 0 : filter.since().toEpochMilli()))));
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            names.put("#status", "status");
            values.put(":status", AttributeValue.fromS(filter.status().name()));
            conditions.add("#status = :status");
        }
        if (filter.function() != null) {
            names.put("#function", LAMBDA_NAME);
            values.put(":function", AttributeValue.fromS(filter.function()));
            conditions.add("#function = :function");
        }
        if (filter.errorType() != null) {
            names.put("#errorType", "errorType");
            values.put(":errorType", AttributeValue.fromS(filter.errorType()));
            conditions.add("#errorType = :errorType");
        }
        List<IncidentStateRow> rows = new ArrayList<>();
        Map<String, AttributeValue> startKey = null;
        for (int page = 0; page < MAX_PAGES && rows.size() < limit; page++) {
            Map<String, AttributeValue> from = startKey;
            QueryResponse response = dynamoDb.query(b -> b.tableName(table)
                    .indexName(RECENT_INDEX)
                    .keyConditionExpression("#bucket = :all AND #failedAt >= :since")
                    .filterExpression(conditions.isEmpty() ? null : String.join(" AND ", conditions))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .scanIndexForward(false)
                    .limit(Math.max(limit, 25))
                    .exclusiveStartKey(from));
            response.items().stream()
                    .limit(limit - rows.size())
                    .map(StateItems::row)
                    .forEach(rows::add);
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
            if (startKey == null) {
                break;
            }
        }
        return rows;
    }
}

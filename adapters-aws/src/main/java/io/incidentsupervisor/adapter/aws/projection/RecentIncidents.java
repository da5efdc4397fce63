package io.incidentsupervisor.adapter.aws.projection;

import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.FAILED_AT;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.INCIDENT_ID;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.LAMBDA_NAME;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.RECENT_ALL;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.RECENT_BUCKET;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.RECENT_INDEX;

import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.domain.model.IncidentId;
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

    static IncidentPage query(
            DynamoDbClient dynamoDb, String table, IncidentFilter filter, IncidentId after, int limit) {
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
        Map<String, AttributeValue> startKey = after == null ? null : key(after);
        boolean more = false;
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
            int wanted = limit - rows.size();
            response.items().stream().limit(wanted).map(StateItems::row).forEach(rows::add);
            startKey = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
            more = response.items().size() > wanted || startKey != null;
            if (startKey == null) {
                break;
            }
        }
        if (!more) {
            return new IncidentPage(rows, null);
        }
        // A full page continues after its last row; a page cut short by MAX_PAGES, after the last item read.
        return new IncidentPage(
                rows,
                rows.size() == limit
                        ? rows.get(rows.size() - 1).incidentId()
                        : new IncidentId(startKey.get(INCIDENT_ID).s()));
    }

    /** The index key of an incident, as DynamoDB's ExclusiveStartKey wants it: the table's key and the index's. */
    private static Map<String, AttributeValue> key(IncidentId incident) {
        return Map.of(
                INCIDENT_ID,
                AttributeValue.fromS(incident.value()),
                RECENT_BUCKET,
                AttributeValue.fromS(RECENT_ALL),
                FAILED_AT,
                AttributeValue.fromN(Long.toString(incident.failedAt().toEpochMilli())));
    }
}

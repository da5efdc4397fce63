package io.incidentsupervisor.adapter.aws.projection;

import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.INCIDENT_ID;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.OPEN_BUCKET;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.OPEN_INDEX;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.STALE_AT;

import io.incidentsupervisor.application.projection.IncidentStateRow;
import io.incidentsupervisor.application.projection.IncidentStates;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The incident-state projection in DynamoDB; open incidents are also in a sparse index keyed by when they turn stale. */
public final class DynamoDbIncidentStates implements IncidentStates {

    private static final String OPEN = "OPEN";

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbIncidentStates(DynamoDbClient dynamoDb, ProjectionTables tables) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = tables.states();
    }

    @Override
    public void save(IncidentStateRow row) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(INCIDENT_ID, AttributeValue.fromS(row.incidentId().value()));
        item.put("errorType", AttributeValue.fromS(row.errorType()));
        item.put("status", AttributeValue.fromS(row.status().name()));
        item.put("attempt", AttributeValue.fromN(Integer.toString(row.attempt())));
        item.put("updatedAt", AttributeValue.fromS(row.updatedAt().toString()));
        item.put(Rows.LAST_SEQUENCE, AttributeValue.fromN(Long.toString(row.lastSequence())));
        if (row.leaseUntil() != null) {
            item.put("leaseUntil", AttributeValue.fromS(row.leaseUntil().toString()));
        }
        if (row.error() != null) {
            item.put("errorReasonType", AttributeValue.fromS(row.error().type()));
            item.put("errorReasonMessage", AttributeValue.fromS(row.error().message()));
            item.put("errorRetryable", AttributeValue.fromBool(row.error().retryable()));
        }
        if (row.staleAt() != null) {
            item.put(OPEN_BUCKET, AttributeValue.fromS(OPEN));
            item.put(STALE_AT, AttributeValue.fromN(Long.toString(row.staleAt().toEpochMilli())));
        }
        Rows.putIfNewer(dynamoDb, table, item, row.lastSequence());
    }

    @Override
    public Optional<IncidentStateRow> find(IncidentId incidentId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(INCIDENT_ID, AttributeValue.fromS(incidentId.value()))))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        FailureReason error = item.containsKey("errorReasonType")
                ? new FailureReason(
                        item.get("errorReasonType").s(),
                        item.get("errorReasonMessage").s(),
                        item.get("errorRetryable").bool())
                : null;
        return Optional.of(new IncidentStateRow(
                incidentId,
                item.get("errorType").s(),
                IncidentStatus.valueOf(item.get("status").s()),
                Integer.parseInt(item.get("attempt").n()),
                item.containsKey("leaseUntil")
                        ? Instant.parse(item.get("leaseUntil").s())
                        : null,
                Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get(Rows.LAST_SEQUENCE).n()),
                error,
                item.containsKey(STALE_AT)
                        ? Instant.ofEpochMilli(Long.parseLong(item.get(STALE_AT).n()))
                        : null));
    }

    @Override
    public List<IncidentId> staleAt(Instant now) {
        return dynamoDb
                .queryPaginator(b -> b.tableName(table)
                        .indexName(OPEN_INDEX)
                        .keyConditionExpression("#bucket = :open AND #staleAt <= :now")
                        .expressionAttributeNames(Map.of("#bucket", OPEN_BUCKET, "#staleAt", STALE_AT))
                        .expressionAttributeValues(Map.of(
                                ":open",
                                AttributeValue.fromS(OPEN),
                                ":now",
                                AttributeValue.fromN(Long.toString(now.toEpochMilli())))))
                .items()
                .stream()
                .map(item -> new IncidentId(item.get(INCIDENT_ID).s()))
                .toList();
    }
}

package io.incidentsupervisor.adapter.aws.projection;

import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.CAUSE_BUCKET;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.CAUSE_INDEX;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.CAUSE_KEY;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.FAILED_AT;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.INCIDENT_ID;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.LAMBDA_NAME;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.LAST_SEQUENCE;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.OPEN_BUCKET;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.OPEN_INDEX;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.PENDING_BUCKET;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.PENDING_INDEX;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.PENDING_UNTIL;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.RECENT_ALL;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.RECENT_BUCKET;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.STALE_AT;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.TTL;

import io.incidentsupervisor.application.port.out.IncidentContextRow;
import io.incidentsupervisor.application.port.out.IncidentContexts;
import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Both projections in DynamoDB. Open incidents are also in a sparse index keyed by when they turn stale; contexts expire
 * through the table's TTL and, since TTL lags, on reading. The one write rule: a row is replaced only by one that
 * applied a later event, so replays and redeliveries never regress it.
 */
public final class DynamoDbProjectionStores implements IncidentStates, IncidentContexts {

    private static final String OPEN = "OPEN";
    private static final String PENDING = "PENDING";

    private final DynamoDbClient dynamoDb;
    private final ProjectionTables tables;

    public DynamoDbProjectionStores(DynamoDbClient dynamoDb, ProjectionTables tables) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tables = Objects.requireNonNull(tables, "tables");
    }

    @Override
    public void save(IncidentStateRow row) {
        Map<String, AttributeValue> item = row(row.incidentId(), row.errorType(), row.lastSequence());
        item.put("status", AttributeValue.fromS(row.status().name()));
        item.put("attempt", AttributeValue.fromN(Integer.toString(row.attempt())));
        item.put("updatedAt", AttributeValue.fromS(row.updatedAt().toString()));
        item.put(RECENT_BUCKET, AttributeValue.fromS(RECENT_ALL));
        item.put(
                FAILED_AT,
                AttributeValue.fromN(Long.toString(row.incidentId().failedAt().toEpochMilli())));
        item.put(LAMBDA_NAME, AttributeValue.fromS(row.incidentId().lambdaName()));
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
        if (row.evidencePendingUntil() != null) {
            item.put(PENDING_BUCKET, AttributeValue.fromS(PENDING));
            item.put(
                    PENDING_UNTIL,
                    AttributeValue.fromN(
                            Long.toString(row.evidencePendingUntil().toEpochMilli())));
        }
        StateItems.putEpisodeAndCause(item, row);
        putIfNewer(tables.states(), item, row.lastSequence());
    }

    @Override
    public Optional<IncidentStateRow> find(IncidentId incidentId) {
        Map<String, AttributeValue> item = item(tables.states(), incidentId);
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(StateItems.row(item));
    }

    @Override
    public IncidentPage recent(IncidentFilter filter, IncidentId after, int limit) {
        return RecentIncidents.query(dynamoDb, tables.states(), filter, after, limit);
    }

    @Override
    public List<IncidentId> staleAt(Instant now) {
        return sparseIndex(OPEN_INDEX, OPEN_BUCKET, OPEN, STALE_AT, now);
    }

    @Override
    public List<IncidentId> evidencePending() {
        return sparseIndex(PENDING_INDEX, PENDING_BUCKET, PENDING, PENDING_UNTIL, Instant.MAX);
    }

    @Override
    public List<IncidentStateRow> caused(String eventId, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":caused", AttributeValue.fromS(StateItems.CAUSED));
        String condition = "#bucket = :caused";
        if (eventId != null) {
            condition += " AND begins_with(#key, :prefix)";
            values.put(":prefix", AttributeValue.fromS(eventId + "#"));
        }
        String keyCondition = condition;
        return dynamoDb
                .queryPaginator(b -> b.tableName(tables.states())
                        .indexName(CAUSE_INDEX)
                        .keyConditionExpression(keyCondition)
                        .expressionAttributeNames(
                                eventId == null
                                        ? Map.of("#bucket", CAUSE_BUCKET)
                                        : Map.of("#bucket", CAUSE_BUCKET, "#key", CAUSE_KEY))
                        .expressionAttributeValues(values)
                        .limit(Math.min(limit, 1_000)))
                .items()
                .stream()
                .limit(limit)
                .map(StateItems::row)
                .toList();
    }

    /** The incidents in one of the state table's sparse indexes whose sort key is at or before {@code upTo}, in order. */
    private List<IncidentId> sparseIndex(String index, String bucket, String value, String sortKey, Instant upTo) {
        long until = upTo.equals(Instant.MAX) ? Long.MAX_VALUE : upTo.toEpochMilli();
        return dynamoDb
                .queryPaginator(b -> b.tableName(tables.states())
                        .indexName(index)
                        .keyConditionExpression("#bucket = :value AND #sort <= :until")
                        .expressionAttributeNames(Map.of("#bucket", bucket, "#sort", sortKey))
                        .expressionAttributeValues(Map.of(
                                ":value",
                                AttributeValue.fromS(value),
                                ":until",
                                AttributeValue.fromN(Long.toString(until)))))
                .items()
                .stream()
                .map(item -> new IncidentId(item.get(INCIDENT_ID).s()))
                .toList();
    }

    @Override
    public void save(IncidentContextRow row) {
        Map<String, AttributeValue> item = row(row.incidentId(), row.errorType(), row.lastSequence());
        item.put("context", AttributeValue.fromS(row.contextJson()));
        item.put("createdAt", AttributeValue.fromS(row.createdAt().toString()));
        item.put(TTL, AttributeValue.fromN(Long.toString(row.expiresAt().getEpochSecond())));
        putIfNewer(tables.contexts(), item, row.lastSequence());
    }

    @Override
    public Optional<IncidentContextRow> find(IncidentId incidentId, Instant now) {
        Map<String, AttributeValue> item = item(tables.contexts(), incidentId);
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(item.get(TTL).n()));
        if (!now.isBefore(expiresAt)) {
            return Optional.empty();
        }
        return Optional.of(new IncidentContextRow(
                incidentId,
                item.get("errorType").s(),
                item.get("context").s(),
                Instant.parse(item.get("createdAt").s()),
                expiresAt,
                Long.parseLong(item.get(LAST_SEQUENCE).n())));
    }

    /** What every row holds: its incident, the incident's error type, and the last event it applied. */
    private static Map<String, AttributeValue> row(IncidentId incidentId, String errorType, long lastSequence) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(INCIDENT_ID, AttributeValue.fromS(incidentId.value()));
        item.put("errorType", AttributeValue.fromS(errorType));
        item.put(LAST_SEQUENCE, AttributeValue.fromN(Long.toString(lastSequence)));
        return item;
    }

    private Map<String, AttributeValue> item(String table, IncidentId incidentId) {
        return dynamoDb.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(INCIDENT_ID, AttributeValue.fromS(incidentId.value()))))
                .item();
    }

    private void putIfNewer(String table, Map<String, AttributeValue> item, long lastSequence) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#id) OR #seq < :seq")
                    .expressionAttributeNames(Map.of("#id", INCIDENT_ID, "#seq", LAST_SEQUENCE))
                    .expressionAttributeValues(Map.of(":seq", AttributeValue.fromN(Long.toString(lastSequence)))));
        } catch (ConditionalCheckFailedException alreadyNewer) {
            // A row at this sequence or later is stored already: a replay or a redelivery, nothing to do.
        }
    }
}

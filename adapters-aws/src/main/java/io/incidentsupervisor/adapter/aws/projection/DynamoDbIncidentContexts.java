package io.incidentsupervisor.adapter.aws.projection;

import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.INCIDENT_ID;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.TTL;

import io.incidentsupervisor.application.projection.IncidentContextRow;
import io.incidentsupervisor.application.projection.IncidentContexts;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The incident-context projection in DynamoDB, expiring through the table's TTL and, since TTL lags, on reading. */
public final class DynamoDbIncidentContexts implements IncidentContexts {

    private final DynamoDbClient dynamoDb;
    private final String table;

    public DynamoDbIncidentContexts(DynamoDbClient dynamoDb, ProjectionTables tables) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = tables.contexts();
    }

    @Override
    public void save(IncidentContextRow row) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(INCIDENT_ID, AttributeValue.fromS(row.incidentId().value()));
        item.put("errorType", AttributeValue.fromS(row.errorType()));
        item.put("context", AttributeValue.fromS(row.contextJson()));
        item.put("createdAt", AttributeValue.fromS(row.createdAt().toString()));
        item.put(TTL, AttributeValue.fromN(Long.toString(row.expiresAt().getEpochSecond())));
        item.put(Rows.LAST_SEQUENCE, AttributeValue.fromN(Long.toString(row.lastSequence())));
        Rows.putIfNewer(dynamoDb, table, item, row.lastSequence());
    }

    @Override
    public Optional<IncidentContextRow> find(IncidentId incidentId, Instant now) {
        Map<String, AttributeValue> item = dynamoDb.getItem(b -> b.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(INCIDENT_ID, AttributeValue.fromS(incidentId.value()))))
                .item();
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
                Long.parseLong(item.get(Rows.LAST_SEQUENCE).n())));
    }
}

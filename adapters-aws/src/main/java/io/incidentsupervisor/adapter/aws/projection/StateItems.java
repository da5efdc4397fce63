package io.incidentsupervisor.adapter.aws.projection;

import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.INCIDENT_ID;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.LAST_SEQUENCE;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.PENDING_UNTIL;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.STALE_AT;

import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A state row as a DynamoDB item's attributes, read back. */
final class StateItems {

    private StateItems() {}

    static IncidentStateRow row(Map<String, AttributeValue> item) {
        FailureReason error = item.containsKey("errorReasonType")
                ? new FailureReason(
                        item.get("errorReasonType").s(),
                        item.get("errorReasonMessage").s(),
                        item.get("errorRetryable").bool())
                : null;
        return new IncidentStateRow(
                new IncidentId(item.get(INCIDENT_ID).s()),
                item.get("errorType").s(),
                IncidentStatus.valueOf(item.get("status").s()),
                Integer.parseInt(item.get("attempt").n()),
                item.containsKey("leaseUntil")
                        ? Instant.parse(item.get("leaseUntil").s())
                        : null,
                Instant.parse(item.get("updatedAt").s()),
                Long.parseLong(item.get(LAST_SEQUENCE).n()),
                error,
                epochMillis(item, STALE_AT),
                epochMillis(item, PENDING_UNTIL));
    }

    static Instant epochMillis(Map<String, AttributeValue> item, String attribute) {
        return item.containsKey(attribute)
                ? Instant.ofEpochMilli(Long.parseLong(item.get(attribute).n()))
                : null;
    }
}

package io.incidentsupervisor.adapter.aws.projection;

import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.CAUSE_BUCKET;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.CAUSE_KEY;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.INCIDENT_ID;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.LAST_SEQUENCE;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.PENDING_UNTIL;
import static io.incidentsupervisor.adapter.aws.projection.ProjectionTables.STALE_AT;

import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.application.port.out.RootCause;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A state row as a DynamoDB item's attributes, read back, and the attributes of its episode and cause. */
final class StateItems {

    /** The one value of {@link ProjectionTables#CAUSE_BUCKET}: every incident with a cause is in the index. */
    static final String CAUSED = "CAUSED";

    private StateItems() {}

    static IncidentStateRow row(Map<String, AttributeValue> item) {
        FailureReason error = item.containsKey("errorReasonType")
                ? new FailureReason(
                        item.get("errorReasonType").s(),
                        item.get("errorReasonMessage").s(),
                        item.get("errorRetryable").bool())
                : null;
        IncidentId id = new IncidentId(item.get(INCIDENT_ID).s());
        // Rows written before episodes were counted hold one alert.
        Instant firstSeen = item.containsKey("firstSeen")
                ? Instant.parse(item.get("firstSeen").s())
                : id.failedAt();
        return new IncidentStateRow(
                id,
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
                epochMillis(item, PENDING_UNTIL),
                firstSeen,
                item.containsKey("lastSeen")
                        ? Instant.parse(item.get("lastSeen").s())
                        : firstSeen,
                item.containsKey("occurrences")
                        ? Integer.parseInt(item.get("occurrences").n())
                        : 1,
                cause(item));
    }

    /** The episode's counts and the blamed change, added to a row's item. */
    static void putEpisodeAndCause(Map<String, AttributeValue> item, IncidentStateRow row) {
        item.put("firstSeen", AttributeValue.fromS(row.firstSeen().toString()));
        item.put("lastSeen", AttributeValue.fromS(row.lastSeen().toString()));
        item.put("occurrences", AttributeValue.fromN(Integer.toString(row.occurrences())));
        RootCause cause = row.rootCause();
        if (cause == null) {
            return;
        }
        item.put(CAUSE_BUCKET, AttributeValue.fromS(CAUSED));
        item.put(
                CAUSE_KEY,
                AttributeValue.fromS(cause.eventId() + "#" + row.incidentId().value()));
        item.put("causeEventId", AttributeValue.fromS(cause.eventId()));
        item.put("causeEventName", AttributeValue.fromS(cause.eventName()));
        item.put("causeTime", AttributeValue.fromS(cause.time().toString()));
        item.put("causeActor", AttributeValue.fromS(cause.actorArn()));
        item.put("causePolicy", AttributeValue.fromS(cause.policy()));
        item.put("causeRevert", AttributeValue.fromS(cause.revert()));
        item.put("causeRole", AttributeValue.fromS(cause.role()));
        item.put(
                "causeAtRisk",
                AttributeValue.fromL(
                        cause.atRisk().stream().map(AttributeValue::fromS).toList()));
        item.put(
                "causeAtRiskFunctions",
                AttributeValue.fromL(cause.atRiskFunctions().stream()
                        .map(AttributeValue::fromS)
                        .toList()));
    }

    private static RootCause cause(Map<String, AttributeValue> item) {
        if (!item.containsKey("causeEventId")) {
            return null;
        }
        return new RootCause(
                item.get("causeEventId").s(),
                item.get("causeEventName").s(),
                Instant.parse(item.get("causeTime").s()),
                item.get("causeActor").s(),
                item.get("causePolicy").s(),
                item.get("causeRevert").s(),
                item.containsKey("causeRole") ? item.get("causeRole").s() : "",
                item.get("causeAtRisk").l().stream().map(AttributeValue::s).toList(),
                item.containsKey("causeAtRiskFunctions")
                        ? item.get("causeAtRiskFunctions").l().stream()
                                .map(AttributeValue::s)
                                .toList()
                        : List.of());
    }

    static Instant epochMillis(Map<String, AttributeValue> item, String attribute) {
        return item.containsKey(attribute)
                ? Instant.ofEpochMilli(Long.parseLong(item.get(attribute).n()))
                : null;
    }
}

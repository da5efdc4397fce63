package io.incidentsupervisor.adapter.aws.episode;

import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.KeyAttribute;
import io.incidentsupervisor.application.port.out.Episodes;
import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.FailureSignature;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Episodes in a DynamoDB table keyed by the failure, one item each: the incident holding it, its first and latest
 * alerts' timestamps and when its verdict became final (epoch milliseconds). A later alert of an open episode is one
 * conditional update, which also answers with the holder; anything else (no episode yet, an ended one, an earlier
 * alert) is decided on the item that update's failed condition returns, and a new episode is claimed by a put
 * conditional on the item it replaces being unchanged, so concurrent alerts agree on one holder. Items expire (TTL) two
 * days after their latest write, longer than any window.
 */
public final class DynamoDbEpisodes implements Episodes {

    /** The name the stack creates and the service reads unless configured otherwise. */
    public static final String DEFAULT_TABLE = "incident-supervisor-episodes";
    /** The TTL attribute (epoch seconds), which the stack switches on. */
    public static final String TTL = "expiresAt";

    static final String FAILURE = "failure";
    private static final String INCIDENT_ID = "incidentId";
    private static final String FIRST_SEEN = "firstSeen";
    private static final String LAST_SEEN = "lastSeen";
    private static final String FINAL_AT = "finalAt";
    private static final Duration KEPT = Duration.ofDays(2);
    /** Claims lost to other claims in a row before giving up: each loss means another alert moved the episode on. */
    private static final int MAX_CLAIMS = 5;

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Clock clock;

    /** @param clock when each write happens: items expire two days after it, whatever the alerts' own timestamps */
    public DynamoDbEpisodes(DynamoDbClient dynamoDb, String table, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The table as a CreateTable request: what local runs create and what the deployment stack declares. */
    public static CreateTableRequest definition(String table) {
        return DynamoDbTables.table(table, KeyAttribute.string(FAILURE), null);
    }

    /** Creates the table unless it exists, and switches TTL on, for local runs and tests. */
    public void createTableIfMissing() {
        DynamoDbTables.createIfMissing(dynamoDb, definition(table));
        DynamoDbTables.enableTtl(dynamoDb, table, TTL);
    }

    @Override
    public IncidentId join(FailureSignature failure, IncidentId candidate, Instant failedAt, EpisodeWindow window) {
        for (int claim = 0; claim < MAX_CLAIMS; claim++) {
            Map<String, AttributeValue> held;
            try {
                return moveOn(failure, failedAt, window);
            } catch (ConditionalCheckFailedException notLaterInAnOpenEpisode) {
                held = notLaterInAnOpenEpisode.item();
            }
            if (held == null || held.isEmpty()) {
                if (claim(
                        failure,
                        candidate,
                        failedAt,
                        "attribute_not_exists(#failure)",
                        Map.of("#failure", FAILURE),
                        null)) {
                    return candidate;
                }
                continue;
            }
            IncidentId holder = new IncidentId(held.get(INCIDENT_ID).s());
            switch (window.fit(millis(held, FIRST_SEEN), millis(held, LAST_SEEN), millis(held, FINAL_AT), failedAt)) {
                case TAKES -> {
                    return holder;
                }
                case BEFORE -> {
                    return candidate;
                }
                case ENDED -> {
                    if (claim(
                            failure,
                            candidate,
                            failedAt,
                            "#incident = :holder AND #last = :last",
                            Map.of("#incident", INCIDENT_ID, "#last", LAST_SEEN),
                            Map.of(":holder", held.get(INCIDENT_ID), ":last", held.get(LAST_SEEN)))) {
                        return candidate;
                    }
                }
            }
        }
        throw new IllegalStateException("The episode of " + failure.key() + " changed hands " + MAX_CLAIMS
                + " times while this alert joined it; the delivery may be retried");
    }

    /** A later alert of an open episode: its latest alert moves on; answers the holder, or fails its condition. */
    private IncidentId moveOn(FailureSignature failure, Instant failedAt, EpisodeWindow window) {
        return new IncidentId(dynamoDb.updateItem(b -> b.tableName(table)
                        .key(key(failure))
                        .updateExpression("SET #last = :at, #ttl = :ttl")
                        .conditionExpression("#last < :at AND #last >= :since"
                                + " AND (attribute_not_exists(#final) OR #final >= :since)")
                        .expressionAttributeNames(Map.of("#last", LAST_SEEN, "#final", FINAL_AT, "#ttl", TTL))
                        .expressionAttributeValues(Map.of(
                                ":at", number(failedAt),
                                ":since", number(window.openSince(failedAt)),
                                ":ttl", expiry()))
                        .returnValues(ReturnValue.ALL_NEW)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .attributes()
                .get(INCIDENT_ID)
                .s());
    }

    private boolean claim(
            FailureSignature failure,
            IncidentId candidate,
            Instant failedAt,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        Map<String, AttributeValue> item = new HashMap<>(key(failure));
        item.put(INCIDENT_ID, AttributeValue.fromS(candidate.value()));
        item.put(FIRST_SEEN, number(failedAt));
        item.put(LAST_SEEN, number(failedAt));
        item.put(TTL, expiry());
        item.put("errorType", AttributeValue.fromS(failure.errorType()));
        item.put("deniedAction", AttributeValue.fromS(failure.deniedAction()));
        item.put("deniedResource", AttributeValue.fromS(failure.deniedResource()));
        item.put("deniedBecause", AttributeValue.fromS(failure.deniedBecause()));
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression(condition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException claimedMeanwhile) {
            return false;
        }
    }

    @Override
    public boolean takeOver(FailureSignature failure, IncidentId absent, IncidentId candidate, Instant failedAt) {
        return claim(
                failure,
                candidate,
                failedAt,
                "#incident = :holder",
                Map.of("#incident", INCIDENT_ID),
                Map.of(":holder", AttributeValue.fromS(absent.value())));
    }

    @Override
    public void verdictFinal(FailureSignature failure, IncidentId incident, Instant at) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table)
                    .key(key(failure))
                    .updateExpression("SET #final = :at")
                    .conditionExpression("#incident = :incident AND attribute_not_exists(#final)")
                    .expressionAttributeNames(Map.of("#final", FINAL_AT, "#incident", INCIDENT_ID))
                    .expressionAttributeValues(
                            Map.of(":at", number(at), ":incident", AttributeValue.fromS(incident.value()))));
        } catch (ConditionalCheckFailedException anotherEpisodeOrFinalAlready) {
            // The episode moved on to another incident, or this verdict was final before: nothing to record.
        }
    }

    private static Map<String, AttributeValue> key(FailureSignature failure) {
        return Map.of(FAILURE, AttributeValue.fromS(failure.key()));
    }

    private static AttributeValue number(Instant instant) {
        return AttributeValue.fromN(Long.toString(instant.toEpochMilli()));
    }

    private AttributeValue expiry() {
        return AttributeValue.fromN(Long.toString(clock.instant().plus(KEPT).getEpochSecond()));
    }

    private static Instant millis(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : Instant.ofEpochMilli(Long.parseLong(value.n()));
    }
}

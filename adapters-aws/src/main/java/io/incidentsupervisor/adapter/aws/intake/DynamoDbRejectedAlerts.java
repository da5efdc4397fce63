package io.incidentsupervisor.adapter.aws.intake;

import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.KeyAttribute;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.SecondaryIndex;
import io.incidentsupervisor.application.port.out.RejectedAlert;
import io.incidentsupervisor.application.port.out.RejectedAlerts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * Rejected alerts in a DynamoDB table keyed by SNS message id, so a redelivered rejection is kept once; an index by time
 * lists the latest first. Each row expires after the retention ({@link #TTL}, epoch seconds): DynamoDB deletes it some time
 * after, and readers skip it from then on, as they skip a row kept before rows expired (it has no {@link #TTL}).
 */
public final class DynamoDbRejectedAlerts implements RejectedAlerts {

    static final String MESSAGE_ID = "messageId";
    static final String BY_TIME_INDEX = "by-time";
    private static final String BUCKET = "bucket";
    private static final String REJECTED_AT_MILLIS = "rejectedAtMillis";
    /** The TTL attribute, which the stack switches on. */
    public static final String TTL = "expiresAt";
    /** How long a rejected alert is kept unless configured otherwise ({@code REJECTED_RETENTION}). */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final Duration retention;
    private final Clock clock;

    /** The name the stack creates and the service reads unless configured otherwise. */
    public static final String DEFAULT_TABLE = "incident-supervisor-rejected-alerts";

    public DynamoDbRejectedAlerts(DynamoDbClient dynamoDb, String table, Duration retention, Clock clock) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Creates the table and its index unless they exist, and switches TTL on, for local runs and tests. */
    public void createTableIfMissing() {
        DynamoDbTables.createIfMissing(dynamoDb, definition(table));
        DynamoDbTables.enableTtl(dynamoDb, table, TTL);
    }

    /** The table as a CreateTable request: what local runs create and what the deployment stack declares. */
    public static CreateTableRequest definition(String table) {
        return DynamoDbTables.table(
                table,
                KeyAttribute.string(MESSAGE_ID),
                null,
                new SecondaryIndex(
                        BY_TIME_INDEX,
                        KeyAttribute.string(BUCKET),
                        KeyAttribute.number(REJECTED_AT_MILLIS),
                        ProjectionType.ALL));
    }

    @Override
    public void keep(RejectedAlert rejected) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            MESSAGE_ID,
                            AttributeValue.fromS(rejected.messageId()),
                            "reason",
                            AttributeValue.fromS(rejected.reason()),
                            "body",
                            AttributeValue.fromS(rejected.body()),
                            "redactedValues",
                            AttributeValue.fromN(Integer.toString(rejected.redactedValues())),
                            TTL,
                            AttributeValue.fromN(Long.toString(
                                    rejected.rejectedAt().plus(retention).getEpochSecond())),
                            "rejectedAt",
                            AttributeValue.fromS(rejected.rejectedAt().toString()),
                            BUCKET,
                            AttributeValue.fromS("REJECTED"),
                            REJECTED_AT_MILLIS,
                            AttributeValue.fromN(
                                    Long.toString(rejected.rejectedAt().toEpochMilli()))))
                    .conditionExpression("attribute_not_exists(#id)")
                    .expressionAttributeNames(Map.of("#id", MESSAGE_ID)));
        } catch (ConditionalCheckFailedException keptAlready) {
            // The same message was rejected before: SNS redelivered it.
        }
    }

    @Override
    public List<RejectedAlert> latest(int limit) {
        // The filter is applied after each page is read, so pages are read until enough rows are left or none remain.
        return dynamoDb
                .queryPaginator(b -> b.tableName(table)
                        .indexName(BY_TIME_INDEX)
                        .keyConditionExpression("#bucket = :rejected")
                        .filterExpression("#ttl > :now")
                        .expressionAttributeNames(Map.of("#bucket", BUCKET, "#ttl", TTL))
                        .expressionAttributeValues(Map.of(
                                ":rejected",
                                AttributeValue.fromS("REJECTED"),
                                ":now",
                                AttributeValue.fromN(
                                        Long.toString(clock.instant().getEpochSecond()))))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .limit(limit)
                .map(item -> new RejectedAlert(
                        item.get(MESSAGE_ID).s(),
                        item.get("reason").s(),
                        item.get("body").s(),
                        Instant.parse(item.get("rejectedAt").s()),
                        Integer.parseInt(item.get("redactedValues").n())))
                .toList();
    }
}

package io.incidentsupervisor.adapter.aws.intake;

import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.KeyAttribute;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.SecondaryIndex;
import io.incidentsupervisor.application.port.out.RejectedAlert;
import io.incidentsupervisor.application.port.out.RejectedAlerts;
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
 * lists the latest first.
 */
public final class DynamoDbRejectedAlerts implements RejectedAlerts {

    static final String MESSAGE_ID = "messageId";
    static final String BY_TIME_INDEX = "by-time";
    private static final String BUCKET = "bucket";
    private static final String REJECTED_AT_MILLIS = "rejectedAtMillis";

    private final DynamoDbClient dynamoDb;
    private final String table;

    /** The name the stack creates and the service reads unless configured otherwise. */
    public static final String DEFAULT_TABLE = "incident-supervisor-rejected-alerts";

    public DynamoDbRejectedAlerts(DynamoDbClient dynamoDb, String table) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Creates the table and its index unless they exist, for local runs and tests. */
    public void createTableIfMissing() {
        DynamoDbTables.createIfMissing(dynamoDb, definition(table));
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
        return dynamoDb
                .query(b -> b.tableName(table)
                        .indexName(BY_TIME_INDEX)
                        .keyConditionExpression("#bucket = :rejected")
                        .expressionAttributeNames(Map.of("#bucket", BUCKET))
                        .expressionAttributeValues(Map.of(":rejected", AttributeValue.fromS("REJECTED")))
                        .scanIndexForward(false)
                        .limit(limit))
                .items()
                .stream()
                .map(item -> new RejectedAlert(
                        item.get(MESSAGE_ID).s(),
                        item.get("reason").s(),
                        item.get("body").s(),
                        Instant.parse(item.get("rejectedAt").s())))
                .toList();
    }
}

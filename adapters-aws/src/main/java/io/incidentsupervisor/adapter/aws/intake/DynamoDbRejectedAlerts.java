package io.incidentsupervisor.adapter.aws.intake;

import static io.incidentsupervisor.adapter.aws.DynamoDbTables.attribute;
import static io.incidentsupervisor.adapter.aws.DynamoDbTables.index;
import static io.incidentsupervisor.adapter.aws.DynamoDbTables.key;

import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import io.incidentsupervisor.application.intake.RejectedAlert;
import io.incidentsupervisor.application.intake.RejectedAlerts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

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
        return CreateTableRequest.builder()
                .tableName(table)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(MESSAGE_ID, ScalarAttributeType.S),
                        attribute(BUCKET, ScalarAttributeType.S),
                        attribute(REJECTED_AT_MILLIS, ScalarAttributeType.N))
                .keySchema(key(MESSAGE_ID, KeyType.HASH))
                .globalSecondaryIndexes(index(
                        BY_TIME_INDEX,
                        ProjectionType.ALL,
                        key(BUCKET, KeyType.HASH),
                        key(REJECTED_AT_MILLIS, KeyType.RANGE)))
                .build();
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

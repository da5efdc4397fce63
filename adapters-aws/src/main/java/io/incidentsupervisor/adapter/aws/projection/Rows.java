package io.incidentsupervisor.adapter.aws.projection;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** The one write rule both projections share: a row is replaced only by one that applied a later event. */
final class Rows {

    static final String LAST_SEQUENCE = "lastSequence";

    private Rows() {}

    static void putIfNewer(DynamoDbClient dynamoDb, String table, Map<String, AttributeValue> item, long lastSequence) {
        try {
            dynamoDb.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#id) OR #seq < :seq")
                    .expressionAttributeNames(Map.of("#id", ProjectionTables.INCIDENT_ID, "#seq", LAST_SEQUENCE))
                    .expressionAttributeValues(Map.of(":seq", AttributeValue.fromN(Long.toString(lastSequence)))));
        } catch (ConditionalCheckFailedException alreadyNewer) {
            // A row at this sequence or later is stored already: a replay or a redelivery, nothing to do.
        }
    }
}

package io.incidentsupervisor.adapter.aws.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.application.port.out.RejectedAlert;
import io.incidentsupervisor.application.port.out.RejectedAlerts;
import io.incidentsupervisor.application.port.out.RejectedAlertsContract;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class DynamoDbRejectedAlertsTest extends RejectedAlertsContract {

    private static final Duration RETENTION = Duration.ofDays(30);

    @Override
    protected RejectedAlerts store() {
        return store(Clock.fixed(T.plusSeconds(3600), ZoneOffset.UTC));
    }

    private static DynamoDbRejectedAlerts store(Clock clock) {
        DynamoDbRejectedAlerts store =
                new DynamoDbRejectedAlerts(SharedDynamoDbLocal.client(), table(), RETENTION, clock);
        store.createTableIfMissing();
        return store;
    }

    private static String table() {
        return SharedDynamoDbLocal.uniquePrefix() + "rejected-alerts";
    }

    @Test
    void eachRowExpiresAfterTheRetentionAndReadersSkipExpiredAndUnexpiringRows() {
        Instant now = T.plus(RETENTION).plusSeconds(5);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        String table = table();
        DynamoDbRejectedAlerts store =
                new DynamoDbRejectedAlerts(SharedDynamoDbLocal.client(), table, RETENTION, clock);
        store.createTableIfMissing();

        store.keep(new RejectedAlert("old", "the message is not JSON", "x", T, 0));
        store.keep(new RejectedAlert("new", "the message is not JSON", "y", now.minusSeconds(60), 0));
        SharedDynamoDbLocal.client()
                .putItem(b -> b.tableName(table)
                        .item(Map.of(
                                "messageId", AttributeValue.fromS("kept-before-expiry-existed"),
                                "reason", AttributeValue.fromS("the message is not JSON"),
                                "body", AttributeValue.fromS("z"),
                                "rejectedAt", AttributeValue.fromS(now.toString()),
                                "bucket", AttributeValue.fromS("REJECTED"),
                                "rejectedAtMillis", AttributeValue.fromN(Long.toString(now.toEpochMilli())))));

        assertThat(store.latest(10)).extracting(RejectedAlert::messageId).containsExactly("new");
        assertThat(SharedDynamoDbLocal.client()
                        .getItem(b -> b.tableName(table).key(Map.of("messageId", AttributeValue.fromS("old"))))
                        .item()
                        .get(DynamoDbRejectedAlerts.TTL)
                        .n())
                .isEqualTo(Long.toString(T.plus(RETENTION).getEpochSecond()));
        assertThat(SharedDynamoDbLocal.client()
                        .describeTimeToLive(b -> b.tableName(table))
                        .timeToLiveDescription()
                        .timeToLiveStatus())
                .isEqualTo(TimeToLiveStatus.ENABLED);
    }
}

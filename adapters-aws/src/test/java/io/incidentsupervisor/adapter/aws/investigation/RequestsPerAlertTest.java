package io.incidentsupervisor.adapter.aws.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one first-delivery alert costs in DynamoDB requests, end to end (the sample alert, three collectors), counted by
 * an SDK interceptor. 28 before the aggregate cache, the skipped snapshot lookup, the projection from the events in
 * hand and receipt with the first start in one commit; EventStoreBench prints it too.
 */
class RequestsPerAlertTest {

    @Test
    void aFirstDeliveryCostsAtMostFourteenDynamoDbRequests() {
        Map<String, Long> requests = InvestigationRig.firstDeliveryRequests();

        assertThat(requests.values().stream().mapToLong(Long::longValue).sum())
                .as("%s", requests)
                .isLessThanOrEqualTo(14);
        assertThat(requests)
                .as("one load for the duplicate check, never a snapshot lookup or a re-read")
                .containsEntry("Query", 1L);
    }
}

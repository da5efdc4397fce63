package io.incidentsupervisor.adapter.aws.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.local.RequestCounter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one first-delivery alert costs in DynamoDB requests, end to end (the sample alert, three collectors), counted by
 * an SDK interceptor. 28 before the aggregate cache, the skipped snapshot lookup, the projection from the events in
 * hand and receipt with the first start in one commit; 11 before a commit took one request; EventStoreBench prints it
 * too.
 */
class RequestsPerAlertTest {

    @Test
    void aFirstDeliveryCostsAtMostTenDynamoDbRequestsEachCommitOne() {
        RequestCounter counted = InvestigationRig.firstDelivery(new RequestCounter());
        Map<String, Long> requests = counted.snapshot();
        System.out.printf(
                "A first delivery: %d DynamoDB requests %s; %d commits, %.2f requests per commit%n",
                counted.total(),
                requests,
                counted.commits(),
                (double) requests.getOrDefault("TransactWriteItems", 0L) / counted.commits());

        assertThat(counted.total()).as("%s", requests).isLessThanOrEqualTo(10);
        assertThat(counted.commits()).as("commits").isPositive();
        assertThat(requests)
                .as("every commit one transaction, no counter reservation, the counter read once per process")
                .containsEntry("TransactWriteItems", counted.commits())
                .doesNotContainKey("UpdateItem")
                .containsEntry("GetItem", 1L);
        assertThat(requests)
                .as("one load for the duplicate check, never a snapshot lookup or a re-read")
                .containsEntry("Query", 1L);
    }

    @Test
    void aRepeatAlertOfTheSameFailureIsAnotherInvestigationUntilEpisodesAndADuplicateCommitsNothing() {
        Map<String, Map<String, Long>> requests = InvestigationRig.repeatRequests();
        System.out.println("A repeat alert (warm process): " + requests.get("repeat") + "; a duplicate delivery: "
                + requests.get("duplicate"));

        assertThat(requests.get("repeat"))
                .as("a warm process reads the counter no more")
                .doesNotContainKey("GetItem")
                .containsEntry("Query", 1L);
        assertThat(requests.get("duplicate"))
                .as("a duplicate loads the incident and refreshes its rows; it commits nothing")
                .doesNotContainKey("TransactWriteItems");
    }
}

package io.incidentsupervisor.adapter.aws.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.local.RequestCounter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What one first-delivery alert costs in DynamoDB requests, end to end (the sample alert, three collectors), counted by
 * an SDK interceptor. 28 before the aggregate cache, the skipped snapshot lookup, the projection from the events in
 * hand and receipt with the first start in one commit; 11 before a commit took one request, 7 to 9 after, and three
 * more since the first alert opens its failure's episode (a failed update, the claim, the final verdict noted);
 * EventStoreBench prints it too. A repeat alert of an open episode costs five.
 */
class RequestsPerAlertTest {

    @Test
    void aFirstDeliveryCostsAtMostTwelveDynamoDbRequestsEachCommitOne() {
        RequestCounter counted = InvestigationRig.firstDelivery(new RequestCounter());
        Map<String, Long> requests = counted.snapshot();
        System.out.printf(
                "A first delivery: %d DynamoDB requests %s; %d commits, %.2f requests per commit%n",
                counted.total(),
                requests,
                counted.commits(),
                (double) requests.getOrDefault("TransactWriteItems", 0L) / counted.commits());

        assertThat(counted.total()).as("%s", requests).isLessThanOrEqualTo(12);
        assertThat(counted.commits()).as("commits").isPositive();
        assertThat(requests)
                .as("every commit one transaction, no counter reservation, the counter read once per process; the"
                        + " episode's failed update and its claim, and its final verdict noted")
                .containsEntry("TransactWriteItems", counted.commits())
                .containsEntry("UpdateItem", 2L)
                .containsEntry("GetItem", 1L);
        assertThat(requests)
                .as("one load for the duplicate check, never a snapshot lookup or a re-read")
                .containsEntry("Query", 1L);
    }

    @Test
    void aRepeatAlertIsCountedWithFourDynamoDbRequestsAndNoOtherAwsCallAndADuplicateCommitsNothing() {
        Map<String, Map<String, Long>> requests = InvestigationRig.repeatRequests();
        Map<String, Long> repeat = requests.get("repeat");
        System.out.printf(
                "A repeat alert (warm process): %d DynamoDB requests %s, %d calls to other AWS APIs; in a process that"
                        + " has not loaded its incident: %s; a duplicate: %s%n",
                repeat.values().stream().mapToLong(Long::longValue).sum(),
                repeat,
                requests.get("other AWS").get("repeat"),
                requests.get("cold repeat"),
                requests.get("duplicate"));

        assertThat(requests.get("other AWS").get("repeat"))
                .as("no collector, no diagnosis")
                .isZero();
        assertThat(repeat)
                .as("the episode's update, one commit on the incident this process holds, the state and context rows")
                .containsExactlyInAnyOrderEntriesOf(Map.of("UpdateItem", 1L, "TransactWriteItems", 1L, "PutItem", 2L));
        assertThat(requests.get("cold repeat"))
                .as("the same, and the incident's load")
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("UpdateItem", 1L, "Query", 1L, "TransactWriteItems", 1L, "PutItem", 2L));
        assertThat(requests.get("duplicate"))
                .as("a duplicate loads the incident and refreshes its rows; it commits nothing")
                .doesNotContainKey("TransactWriteItems");
    }
}

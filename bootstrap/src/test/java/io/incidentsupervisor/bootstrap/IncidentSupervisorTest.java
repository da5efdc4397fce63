package io.incidentsupervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service as bootstrap wires it, fed the real example SNS events, on DynamoDB Local with AWS APIs from WireMock. */
class IncidentSupervisorTest {

    private static final IncidentId INCIDENT = new IncidentId("data-processor#2026-11-23T08:00:00.512Z");

    @Test
    void handlesTheExampleEventsEndToEnd() {
        String prefix = SharedDynamoDbLocal.uniquePrefix();
        Settings settings = Settings.from(Map.of(
                "AWS_REGION",
                "eu-west-1",
                "SUPERVISED_FUNCTIONS",
                "data-processor",
                "EVENTS_TABLE",
                prefix + "events",
                "SNAPSHOTS_TABLE",
                prefix + "snapshots",
                "STATE_TABLE",
                prefix + "state",
                "CONTEXT_TABLE",
                prefix + "context",
                "REJECTED_TABLE",
                prefix + "rejected"));
        try (AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies();
                IncidentSupervisor supervisor = IncidentSupervisor.start(
                        settings,
                        AwsClients.of(
                                SharedDynamoDbLocal.client(), aws.lambda(), aws.iam(), aws.logs(), aws.cloudTrail()),
                        AlertMetrics.NONE)) {
            supervisor.stores().createTablesIfMissing();

            supervisor
                    .snsHandler()
                    .handleRequest(
                            EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"),
                            LocalLambdaContext.of(
                                    "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", Duration.ofSeconds(60), Clock.systemUTC()));
            supervisor
                    .snsHandler()
                    .handleRequest(
                            EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"),
                            LocalLambdaContext.of(
                                    "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", Duration.ofSeconds(60), Clock.systemUTC()));
            supervisor
                    .snsHandler()
                    .handleRequest(
                            EventLoader.loadSNSEvent("../examples/sns-malformed.json"),
                            LocalLambdaContext.of(
                                    "c6af9ac6-7b61-11e6-9a41-93e8deadbeef", Duration.ofSeconds(60), Clock.systemUTC()));

            assertThat(supervisor.stores().history().history(INCIDENT))
                    .extracting(e -> e.type())
                    .containsExactly(SampleIncident.EVENT_TYPES);
            assertThat(supervisor.stores().states().state(INCIDENT))
                    .get()
                    .extracting(row -> row.status())
                    .isEqualTo(IncidentStatus.CONTEXT_GATHERED);
            assertThat(supervisor.stores().contexts().context(INCIDENT, Instant.now()))
                    .get()
                    .extracting(row -> row.contextJson())
                    .asString()
                    .contains("iam:ListAttachedRolePolicies")
                    .doesNotContain("hunter2-Sup3rS3cret");
            assertThat(supervisor.stores().rejected().latest(10))
                    .singleElement()
                    .satisfies(kept -> assertThat(kept.messageId()).isEqualTo("5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c"));
        }
    }
}

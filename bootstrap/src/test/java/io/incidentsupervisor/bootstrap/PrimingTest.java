package io.incidentsupervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.local.RequestCounter;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.local.DynamoDbLocal;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;

/**
 * SnapStart's priming hook on the service as the Lambda wiring builds it: it walks the whole path without one AWS request
 * (counted by an SDK interceptor on every client and by the AWS stand-in's own request journal), and the service then
 * handles the sample alert as usual.
 */
class PrimingTest {

    @Test
    void primesWithoutAnyAwsRequestAndLeavesTheServiceUsable() throws Exception {
        RequestCounter requests = new RequestCounter();
        String prefix = SharedDynamoDbLocal.uniquePrefix();
        Settings settings = Settings.from(Map.of(
                "AWS_REGION", "eu-west-1",
                "SUPERVISED_FUNCTIONS", "data-processor",
                "EVENTS_TABLE", prefix + "events",
                "SNAPSHOTS_TABLE", prefix + "snapshots",
                "STATE_TABLE", prefix + "state",
                "CONTEXT_TABLE", prefix + "context",
                "REJECTED_TABLE", prefix + "rejected"));
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.inMemory();
                AwsStubs aws = AwsStubs.sampleAccount()
                        .denyListingAttachedRolePolicies()
                        .intercepting(requests)) {
            AwsClients clients = AwsClients.of(
                    dynamoDb.newClient(ClientOverrideConfiguration.builder()
                            .addExecutionInterceptor(requests)
                            .build()),
                    aws.lambda(),
                    aws.iam(),
                    aws.logs(),
                    aws.cloudTrail());
            try (IncidentSupervisor supervisor = IncidentSupervisor.start(settings, clients, AlertMetrics.NONE)) {
                supervisor.stores().createTablesIfMissing();
                requests.reset();
                Priming priming = new Priming(supervisor.stores().fitter(), clients, Clock.systemUTC());
                SnapStartHooks hooks = SnapStartHooks.register(priming::run);

                hooks.beforeCheckpoint(null);
                hooks.afterRestore(null);

                assertThat(requests.snapshot()).isEmpty();
                assertThat(aws.server.getAllServeEvents()).isEmpty();
                assertThat(priming.run())
                        .as("every stored event type serialized and read back")
                        .containsExactlyInAnyOrderElementsOf(
                                Arrays.asList(IncidentEvent.class.getPermittedSubclasses()));
                assertThat(requests.total()).isZero();

                supervisor
                        .snsHandler()
                        .handleRequest(
                                EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"),
                                LocalLambdaContext.of("primed", Duration.ofSeconds(60), Clock.systemUTC()));

                assertThat(supervisor.stores().history().history(SampleIncident.ID))
                        .extracting(e -> e.type())
                        .containsExactly(SampleIncident.EVENT_TYPES);
                assertThat(requests.count("GetFunctionConfiguration")).isPositive();
                assertThat(requests.count("TransactWriteItems")).isPositive();
                assertThat(aws.server.getAllServeEvents()).isNotEmpty();
            }
        }
    }

    @Test
    void theMcpPrimingSendsNoRequestAndTheEndpointThenReadsTheTables() throws Exception {
        RequestCounter requests = new RequestCounter();
        String prefix = SharedDynamoDbLocal.uniquePrefix();
        Settings settings = Settings.forReading(Map.of(
                "AWS_REGION", "eu-west-1",
                "EVENTS_TABLE", prefix + "events",
                "STATE_TABLE", prefix + "state",
                "CONTEXT_TABLE", prefix + "context"));
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.inMemory();
                AwsStubs aws = AwsStubs.sampleAccount().intercepting(requests)) {
            AwsClients clients = AwsClients.of(
                    dynamoDb.newClient(ClientOverrideConfiguration.builder()
                            .addExecutionInterceptor(requests)
                            .build()),
                    aws.lambda(),
                    aws.iam(),
                    aws.logs(),
                    aws.cloudTrail());
            Stores stores = new Stores(settings, clients.dynamoDb());
            stores.createTablesIfMissing();
            requests.reset();
            io.incidentsupervisor.adapter.mcp.McpEndpoint endpoint = stores.mcp();

            McpPriming.run(endpoint, stores, clients);

            assertThat(requests.total()).isZero();
            String listed = endpoint.answer(
                            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":"
                                    + "{\"name\":\"list_incidents\"}}",
                            Integer.MAX_VALUE)
                    .json();
            assertThat(listed).contains("\"isError\":false");
            assertThat(requests.count("Query")).isPositive();
        }
    }
}

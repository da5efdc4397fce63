package io.incidentsupervisor.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.local.LocalLambdaContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The service as bootstrap wires it, with the production SDK clients (endpoints through the SDK's own settings), while
 * one AWS API answers only after 45 seconds: the invocation still ends well before its 60-second deadline, with the
 * other collectors' results and a Timeout for the slow one, and the incident is never stale while it runs.
 */
class DeadlineTest {

    private static final IncidentId INCIDENT = new IncidentId("data-processor#2026-11-23T08:00:00.512Z");
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aFortyFiveSecondApiEndsAsATimeoutBeforeTheDeadlineAndTheIncidentIsNeverStaleMeanwhile() throws Exception {
        String prefix = SharedDynamoDbLocal.uniquePrefix();
        // A short floor, so the lease is exactly the invocation's deadline: the run must end before it, not lean on the
        // floor.
        Settings settings = Settings.from(Map.of(
                "AWS_REGION",
                "eu-west-1",
                "SUPERVISED_FUNCTIONS",
                "data-processor",
                "STALE_THRESHOLD",
                "5",
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
                SdkEndpoints endpoints = SdkEndpoints.pointAt(
                        aws, SharedDynamoDbLocal.server().endpoint().toString());
                IncidentSupervisor supervisor =
                        IncidentSupervisor.start(settings, new AwsClients("eu-west-1"), AlertMetrics.NONE)) {
            aws.server.stubFor(post(urlEqualTo("/"))
                    .atPriority(1)
                    .withHeader("X-Amz-Target", equalTo("Logs_20140328.FilterLogEvents"))
                    .willReturn(AwsStubs.logsOk("{\"events\":[]}").withFixedDelay(45_000)));
            supervisor.stores().createTablesIfMissing();

            List<String> staleSightings = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread watcher = new Thread(() -> {
                ReadIncidentHistory history = supervisor.stores().history();
                while (running.get()) {
                    List<IncidentEvent> events = history.history(INCIDENT).stream()
                            .map(AuditEntry::event)
                            .toList();
                    Instant now = Instant.now();
                    if (!events.isEmpty() && Incident.replay(events).isStale(now, settings.staleThreshold())) {
                        staleSightings.add(now + " after " + events.size() + " events");
                    }
                    sleep(200);
                }
            });
            watcher.start();

            Instant started = Instant.now();
            supervisor
                    .snsHandler()
                    .handleRequest(
                            EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"),
                            LocalLambdaContext.of("request-45s", INVOCATION_TIMEOUT, Clock.systemUTC()));
            Duration took = Duration.between(started, Instant.now());
            running.set(false);
            watcher.join();

            assertThat(took)
                    .as("ended before the deadline, with the recording reserve to spare")
                    .isLessThan(INVOCATION_TIMEOUT.minusSeconds(5));
            assertThat(staleSightings)
                    .as("never stale while the invocation ran")
                    .isEmpty();
            List<AuditEntry> history = supervisor.stores().history().history(INCIDENT);
            ContextGathered gathered =
                    (ContextGathered) history.get(history.size() - 1).event();
            assertThat(gathered.context().results()).anySatisfy(result -> {
                assertThat(result.source()).isEqualTo("cloudwatch-logs");
                assertThat(result.error().kind()).isEqualTo("Timeout");
            });
            assertThat(gathered.context().results())
                    .filteredOn(result -> !result.source().equals("cloudwatch-logs"))
                    .hasSize(2)
                    .noneSatisfy(result -> assertThat(
                                    result.succeeded() ? "" : result.error().kind())
                            .isEqualTo("Timeout"));
            assertThat(gathered.context().results())
                    .filteredOn(result -> result.source().equals("lambda-configuration"))
                    .singleElement()
                    .satisfies(result -> assertThat(result.succeeded()).isTrue());
            assertThat(supervisor.stores().states().state(INCIDENT))
                    .get()
                    .extracting(row -> row.status())
                    .isEqualTo(IncidentStatus.CONTEXT_GATHERED);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Points the SDK's standard endpoint settings at the stubs and DynamoDB Local for the test, and restores them after. */
    private record SdkEndpoints(List<String> properties) implements AutoCloseable {

        static SdkEndpoints pointAt(AwsStubs aws, String dynamoDb) {
            Map<String, String> values = Map.of(
                    "aws.endpointUrlLambda",
                    aws.endpoint().toString(),
                    "aws.endpointUrlIam",
                    aws.endpoint().toString(),
                    "aws.endpointUrlCloudWatchLogs",
                    aws.endpoint().toString(),
                    "aws.endpointUrlCloudTrail",
                    aws.endpoint().toString(),
                    "aws.endpointUrlDynamoDb",
                    dynamoDb,
                    "aws.accessKeyId",
                    "local",
                    "aws.secretAccessKey",
                    "local");
            values.forEach(System::setProperty);
            return new SdkEndpoints(List.copyOf(values.keySet()));
        }

        @Override
        public void close() {
            properties.forEach(System::clearProperty);
        }
    }
}

package io.incidentsupervisor.adapter.aws.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.tokens.O200kTokenCounter;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.context.CollectorRegistry;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.domain.model.EnrichedContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Secret-looking environment values and log lines go through the whole collection; none may reach the stored context. */
class SecretsNeverLeakTest {

    private static final List<String> SECRETS = List.of(
            "hunter2-Sup3rS3cret",
            "tok_live_9f8e7d6c5b4a",
            "orders-inbox-7f3a",
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "c2lnbmF0dXJlLXNlY3JldA",
            "ghp_16C7e42F292c6912E7710c838347Ae178B4a");

    private final AwsStubs aws = new AwsStubs();

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void noSecretValueAppearsAnywhereInTheSerializedContext() throws Exception {
        aws.server.stubFor(get(urlEqualTo(LambdaConfigurationCollectorTest.CONFIGURATION_PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(LambdaConfigurationCollectorTest.CONFIGURATION)));
        aws.server.stubFor(get(urlEqualTo("/2019-09-30/functions/data-processor/concurrency"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));
        IamRoleCollectorTest.stubGetFunction(aws.server);
        IamRoleCollectorTest.stubRole(aws.server);
        CloudWatchLogsCollectorTest.stubGroupExists(aws.server);
        List<String> lines = List.of(
                "START RequestId: 8f1c Version: $LATEST",
                "DEBUG env DB_PASSWORD=hunter2-Sup3rS3cret API_TOKEN=tok_live_9f8e7d6c5b4a",
                "calling https://api.internal with Authorization: Bearer ghp_16C7e42F292c6912E7710c838347Ae178B4a",
                "boto3 credentials aws_access_key_id=AKIAIOSFODNN7EXAMPLE aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "token: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYXRhLXByb2Nlc3NvciJ9.c2lnbmF0dXJlLXNlY3JldA",
                CloudWatchLogsCollectorTest.ACCESS_DENIED_LINE);
        CloudWatchLogsCollectorTest.stubEvents(aws.server, lines.size(), lines::get);

        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(new LambdaConfigurationCollector(aws.lambda()))
                .errorType(
                        "S3AccessError",
                        new CloudWatchLogsCollector(
                                aws.logs(), Map.of(), Duration.ofMinutes(10), Duration.ofMinutes(1)),
                        new IamRoleCollector(aws.lambda(), aws.iam()))
                .build();
        ContextGatherer gatherer = new ContextGatherer(
                registry, new O200kTokenCounter(), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ZERO);

        ContextGatherer.Gathering gathering = gatherer.start(
                LambdaConfigurationCollectorTest.ALERT,
                Clock.systemUTC().instant().plusSeconds(60));
        while (gathering.hasNext()) {
            gathering.runNext();
        }
        EnrichedContext context = gathering.gathered(null);
        String stored = Json.mapper().writeValueAsString(context);

        assertThat(context.results())
                .allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(stored).contains("DB_PASSWORD", "API_TOKEN", "[REDACTED]", "AccessDenied");
        for (String secret : SECRETS) {
            assertThat(stored).as("the serialized context").doesNotContain(secret);
        }
        assertThat(context.results().get(1).data().get("redactedValues")).isEqualTo(6);
    }
}

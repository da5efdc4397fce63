package io.incidentsupervisor.adapter.aws.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.logsError;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.logsOk;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.notAuthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextEntry.Relevance;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class CloudWatchLogsCollectorTest {

    static final String GROUP = "/aws/lambda/data-processor";
    static final String DESCRIBE = "Logs_20140328.DescribeLogGroups";
    static final String FILTER = "Logs_20140328.FilterLogEvents";
    static final Instant INCIDENT = Instant.parse("2026-11-23T08:00:00Z");
    public static final String ACCESS_DENIED_LINE =
            "[ERROR] ClientError: An error occurred (AccessDenied) when calling the GetObject operation: Access Denied";

    private final AwsStubs aws = new AwsStubs();
    private final CloudWatchLogsCollector collector =
            new CloudWatchLogsCollector(aws.logs(), Map.of(), Duration.ofMinutes(10), Duration.ofMinutes(1));
    private final IncidentAlert alert = LambdaConfigurationCollectorTest.ALERT;

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void theOnlyAccessDeniedLineIsKeptWhenItIsTheNewestOfTwoHundred() {
        stubGroupExists(aws.server);
        stubEvents(aws.server, 200, i -> i == 199 ? ACCESS_DENIED_LINE : "INFO processed batch " + i);

        CollectorResult result = collector.collect(alert);

        assertThat(result.entries()).hasSize(30);
        assertThat(messages(result)).last().isEqualTo(ACCESS_DENIED_LINE);
        assertThat(result.entries().get(29).relevance()).isEqualTo(Relevance.FAILURE);
        assertThat(result.data()).containsEntry("eventsInWindow", 200L).containsEntry("logGroup", GROUP);
        assertThat(result.truncated()).isTrue();
    }

    @Test
    void theOnlyAccessDeniedLineIsKeptWhenItIsTheOldestOfTwoHundred() {
        stubGroupExists(aws.server);
        stubEvents(aws.server, 200, i -> i == 0 ? ACCESS_DENIED_LINE : "INFO processed batch " + i);

        CollectorResult result = collector.collect(alert);

        assertThat(result.entries()).hasSize(31);
        assertThat(messages(result)).first().isEqualTo(ACCESS_DENIED_LINE);
        assertThat(messages(result)).last().isEqualTo("INFO processed batch 199");
        assertThat(result.entries().get(0).relevance()).isEqualTo(Relevance.FAILURE);
        assertThat(result.entries().subList(1, 31))
                .extracting(ContextEntry::relevance)
                .containsOnly(Relevance.BACKGROUND);
    }

    @Test
    void asksForTheWindowAroundTheIncident() {
        stubGroupExists(aws.server);
        stubEvents(aws.server, 1, i -> "START RequestId: 1");

        collector.collect(alert);

        aws.server.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FILTER))
                .withRequestBody(
                        containing("\"startTime\":" + INCIDENT.minusSeconds(600).toEpochMilli()))
                .withRequestBody(
                        containing("\"endTime\":" + INCIDENT.plusSeconds(60).toEpochMilli())));
    }

    @Test
    void secretsInLogLinesAreRedactedCountedAndLongLinesCapped() {
        stubGroupExists(aws.server);
        List<String> lines = List.of(
                "connecting with password=hunter2-Sup3rS3cret to orders-db",
                "Authorization: Bearer tok_live_9f8e7d6c5b4a",
                "using key AKIAIOSFODNN7EXAMPLE for s3",
                "session eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkYXRhLXByb2Nlc3NvciJ9.c2lnbmF0dXJlLXNlY3JldA",
                "config {\"api_key\": \"ak_9f8e7d6c\"}",
                "x".repeat(2_000));
        stubEvents(aws.server, lines.size(), lines::get);

        CollectorResult result = collector.collect(alert);

        assertThat(result.toString())
                .doesNotContain(
                        "hunter2-Sup3rS3cret",
                        "tok_live_9f8e7d6c5b4a",
                        "AKIAIOSFODNN7EXAMPLE",
                        "c2lnbmF0dXJlLXNlY3JldA",
                        "ak_9f8e7d6c");
        assertThat(result.data()).containsEntry("redactedValues", 5);
        assertThat(messages(result))
                .contains("connecting with password=[REDACTED] to orders-db", "Authorization: Bearer [REDACTED]");
        assertThat(messages(result)).last().asString().hasSize(500);
    }

    @Test
    void aMissingLogGroupIsAnErrorDistinctFromAnEmptyWindow() {
        aws.server.stubFor(
                post(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(DESCRIBE))
                        .willReturn(
                                logsOk(
                                        "{\"logGroups\":[{\"logGroupName\":\"/aws/lambda/data-processor-v2\",\"arn\":\"arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/data-processor-v2:*\"}]}")));
        CollectorResult missing = collector.collect(alert);
        assertThat(missing.error().kind()).isEqualTo("NotFound");
        assertThat(missing.error().message()).isEqualTo("Log group /aws/lambda/data-processor does not exist");

        aws.server.resetAll();
        stubGroupExists(aws.server);
        aws.server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FILTER))
                .willReturn(logsOk("{\"events\":[],\"searchedLogStreams\":[]}")));
        CollectorResult empty = collector.collect(alert);
        assertThat(empty.succeeded()).isTrue();
        assertThat(empty.entries()).isEmpty();
        assertThat(empty.data()).containsEntry("eventsInWindow", 0L);
    }

    @Test
    void aConfiguredLogGroupReplacesTheDefault() {
        CloudWatchLogsCollector custom = new CloudWatchLogsCollector(
                aws.logs(), Map.of("data-processor", "/custom/orders"), Duration.ofMinutes(10), Duration.ofMinutes(1));
        aws.server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(DESCRIBE))
                .withRequestBody(containing("/custom/orders"))
                .willReturn(logsOk("{\"logGroups\":[{\"logGroupName\":\"/custom/orders\"}]}")));
        aws.server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FILTER))
                .willReturn(logsOk("{\"events\":[]}")));

        assertThat(custom.collect(alert).data()).containsEntry("logGroup", "/custom/orders");
    }

    @Test
    void accessDeniedNamesTheMissingPermission() {
        stubGroupExists(aws.server);
        aws.server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FILTER))
                .willReturn(logsError(
                        400,
                        "AccessDeniedException",
                        notAuthorized(
                                "logs:FilterLogEvents",
                                "arn:aws:logs:eu-west-1:123456789012:log-group:" + GROUP + ":log-stream:"))));

        CollectorResult result = collector.collect(alert);

        assertThat(result.error().kind()).isEqualTo("AccessDenied");
        assertThat(result.error().code()).isEqualTo("AccessDeniedException");
        assertThat(result.error().missingPermission()).isEqualTo("logs:FilterLogEvents");
    }

    @Test
    void aGroupDeletedMidwayIsNotFound() {
        stubGroupExists(aws.server);
        aws.server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FILTER))
                .willReturn(logsError(400, "ResourceNotFoundException", "The specified log group does not exist.")));

        assertThat(collector.collect(alert).error().kind()).isEqualTo("NotFound");
    }

    @Test
    void throttlingIsReportedAsThrottled() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(DESCRIBE))
                .willReturn(logsError(400, "ThrottlingException", "Rate exceeded")));

        CollectorResult result = collector.collect(alert);

        assertThat(result.error().kind()).isEqualTo("Throttled");
        assertThat(result.error().code()).isEqualTo("ThrottlingException");
    }

    public static void stubGroupExists(WireMockServer server) {
        server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(DESCRIBE))
                .willReturn(logsOk("{\"logGroups\":[{\"logGroupName\":\"" + GROUP
                        + "\",\"creationTime\":1731000000000,\"retentionInDays\":7,\"storedBytes\":104857,"
                        + "\"arn\":\"arn:aws:logs:eu-west-1:123456789012:log-group:" + GROUP + ":*\"}]}")));
    }

    /** Serves {@code count} events in the window, oldest first, in pages of 100 linked by {@code nextToken}. */
    public static void stubEvents(WireMockServer server, int count, IntFunction<String> message) {
        ObjectMapper json = new ObjectMapper();
        int pages = (count + 99) / 100;
        for (int page = 0; page < pages; page++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = page * 100; i < Math.min(count, (page + 1) * 100); i++) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("logStreamName", "2026/11/23/[$LATEST]9f8e7d6c5b4a39281706f5e4d3c2b1a0");
                event.put(
                        "timestamp",
                        INCIDENT.minusSeconds(590).plusSeconds(3L * i).toEpochMilli());
                event.put("message", message.apply(i) + "\n");
                event.put(
                        "ingestionTime",
                        INCIDENT.minusSeconds(589).plusSeconds(3L * i).toEpochMilli());
                event.put("eventId", "3789" + String.format("%052d", i));
                events.add(event);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("events", events);
            body.put("searchedLogStreams", List.of());
            if (page + 1 < pages) {
                body.put("nextToken", "page-" + (page + 2));
            }
            String token = page == 0 ? null : "page-" + (page + 1);
            try {
                server.stubFor(post(urlEqualTo("/"))
                        .withHeader("X-Amz-Target", equalTo(FILTER))
                        .withRequestBody(
                                token == null
                                        ? notContaining("nextToken")
                                        : containing("\"nextToken\":\"" + token + "\""))
                        .willReturn(logsOk(json.writeValueAsString(body))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<Object> messages(CollectorResult result) {
        return result.entries().stream().map(e -> e.content().get("message")).toList();
    }
}

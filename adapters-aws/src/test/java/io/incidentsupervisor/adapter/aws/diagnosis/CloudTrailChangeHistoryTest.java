package io.incidentsupervisor.adapter.aws.diagnosis;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.logsError;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.logsOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CloudTrail's awsJson 1.1 LookupEvents, read by the real SDK client: pages, the event as an embedded JSON string. */
class CloudTrailChangeHistoryTest {

    static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";
    static final String ROLE = "data-processor-role";
    static final String OPERATOR = "arn:aws:iam::123456789012:user/ops-alice";
    static final String MANAGED = "arn:aws:iam::123456789012:policy/orders-read";
    static final String NEW_DOCUMENT =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"WriteResults\",\"Effect\":\"Allow\","
                    + "\"Action\":\"dynamodb:PutItem\",\"Resource\":\"*\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2026-11-22T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T08:05:00Z");

    private final AwsStubs aws = new AwsStubs();
    private final CloudTrailChangeHistory changes =
            new CloudTrailChangeHistory(aws.cloudTrail(), aws.cloudTrail(), aws.iam(), Duration.ZERO);

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void readsEveryPageKeepsThePolicyChangesAndReadsTheirDocuments() throws Exception {
        aws.server.stubFor(lookup().withRequestBody(notContaining("NextToken"))
                .willReturn(logsOk(page(
                        "page-2",
                        event("e-3", "GetRole", "2026-11-23T07:59:00Z", "{}"),
                        event(
                                "e-2",
                                "PutRolePolicy",
                                "2026-11-23T07:56:00Z",
                                "{\"roleName\":\"" + ROLE
                                        + "\",\"policyName\":\"results-write\",\"policyDocument\":"
                                        + JSON.writeValueAsString(NEW_DOCUMENT)
                                        + "}")))));
        aws.server.stubFor(lookup().withRequestBody(containing("\"NextToken\":\"page-2\""))
                .willReturn(logsOk(page(
                        null,
                        event(
                                "e-1",
                                "DetachRolePolicy",
                                "2026-11-23T06:00:00Z",
                                "{\"roleName\":\"" + ROLE + "\",\"policyArn\":\"" + MANAGED + "\"}")))));
        io.incidentsupervisor.adapter.aws.collector.AwsStubs.stubManagedPolicy(
                aws.server,
                MANAGED,
                "v2",
                "{\"Statement\":[{\"Sid\":\"ReadOrders\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}");

        List<Change> found = changes.ofRole(ROLE, FROM, TO);

        assertThat(found).extracting(Change::eventId).containsExactly("e-1", "e-2");
        Change detach = found.get(0);
        assertThat(detach.eventName()).isEqualTo("DetachRolePolicy");
        assertThat(detach.time()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        assertThat(detach.actorArn()).isEqualTo(OPERATOR);
        assertThat(detach.actorType()).isEqualTo("IAMUser");
        assertThat(detach.policyName()).isEqualTo(MANAGED);
        assertThat(detach.policy().granting("s3:GetObject", "arn:aws:s3:::orders/a"))
                .isPresent();
        Change put = found.get(1);
        assertThat(put.policyName()).isEqualTo("results-write");
        assertThat(put.policy().kind()).isEqualTo(Policy.Kind.INLINE);
        assertThat(put.policy().document()).isEqualTo(NEW_DOCUMENT);
        aws.server.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(containing("\"AttributeKey\":\"ResourceName\""))
                .withRequestBody(containing("\"AttributeValue\":\"" + ROLE + "\"")));
    }

    @Test
    void aRepeatedPageTokenEndsTheWalk() throws Exception {
        aws.server.stubFor(lookup().willReturn(logsOk(page("same-token"))));

        assertThat(changes.ofRole(ROLE, FROM, TO)).isEmpty();
        assertThat(aws.server.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(2);
    }

    @Test
    void accessDeniedNamesTheMissingPermission() {
        aws.server.stubFor(lookup().willReturn(logsError(
                400,
                "AccessDeniedException",
                AwsStubs.notAuthorized("cloudtrail:LookupEvents", "arn:aws:cloudtrail:us-east-1:123456789012:*"))));

        assertThatThrownBy(() -> changes.ofRole(ROLE, FROM, TO))
                .isInstanceOfSatisfying(EvidenceUnavailable.class, unavailable -> {
                    assertThat(unavailable.kind()).isEqualTo("AccessDenied");
                    assertThat(unavailable.missingPermission()).isEqualTo("cloudtrail:LookupEvents");
                });
    }

    @Test
    void throttlingIsThrottled() {
        aws.server.stubFor(lookup().willReturn(logsError(400, "ThrottlingException", "Rate exceeded")));

        assertThatThrownBy(() -> changes.ofRole(ROLE, FROM, TO))
                .isInstanceOfSatisfying(
                        EvidenceUnavailable.class,
                        unavailable -> assertThat(unavailable.kind()).isEqualTo("Throttled"));
    }

    private static com.github.tomakehurst.wiremock.client.MappingBuilder lookup() {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET));
    }

    static String page(String nextToken, ObjectNode... events) throws Exception {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("Events");
        for (ObjectNode event : events) {
            list.add(event);
        }
        if (nextToken != null) {
            page.put("NextToken", nextToken);
        }
        return JSON.writeValueAsString(page);
    }

    /** One LookupEvents event: its summary fields, and the whole record as CloudTrail embeds it, a JSON string. */
    static ObjectNode event(String id, String name, String time, String requestParameters) throws Exception {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "1.09");
        ObjectNode identity = record.putObject("userIdentity");
        identity.put("type", "IAMUser");
        identity.put("arn", OPERATOR);
        identity.put("userName", "ops-alice");
        record.put("eventTime", time);
        record.put("eventSource", "iam.amazonaws.com");
        record.put("eventName", name);
        record.put("awsRegion", "us-east-1");
        record.set("requestParameters", JSON.readTree(requestParameters));
        record.put("eventID", id);
        ObjectNode event = JSON.createObjectNode();
        event.put("EventId", id);
        event.put("EventName", name);
        event.put("ReadOnly", name.startsWith("Get") ? "true" : "false");
        event.put("EventTime", Instant.parse(time).getEpochSecond());
        event.put("EventSource", "iam.amazonaws.com");
        event.put("Username", "ops-alice");
        event.putArray("Resources")
                .addObject()
                .put("ResourceType", "AWS::IAM::Role")
                .put("ResourceName", ROLE);
        event.put("CloudTrailEvent", JSON.writeValueAsString(record));
        return event;
    }
}

package io.incidentsupervisor.adapter.aws.diagnosis;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.iamError;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.iamOk;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.logsOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Change.Subject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The histories beyond the role's own policies, read by the real SDK clients from CloudTrail's awsJson 1.1 and IAM's
 * awsQuery XML: a managed policy's new default version (and the version it replaced, deleted or not), the function's
 * role swap and deploy under their version-suffixed names, an S3 bucket policy and an organization policy.
 */
class ChangesBeyondTheRoleTest {

    private static final String TARGET = CloudTrailChangeHistoryTest.TARGET;
    private static final String MANAGED = "arn:aws:iam::123456789012:policy/orders-read";
    private static final String READS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ReadOrders\","
            + "\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::orders/*\"}]}";
    private static final String NO_READS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"List\","
            + "\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::orders\"}]}";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant FROM = Instant.parse("2026-11-22T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-23T08:05:00Z");

    private final AwsStubs aws = new AwsStubs();
    private final CloudTrailChangeHistory history =
            new CloudTrailChangeHistory(aws.cloudTrail(), aws.cloudTrail(), aws.iam(), Duration.ZERO);

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aNewDefaultVersionComesWithTheVersionItReplaced() throws Exception {
        lookup(
                MANAGED,
                event(
                        "e-1",
                        "iam.amazonaws.com",
                        "CreatePolicyVersion",
                        "2026-11-23T07:58:31Z",
                        "{\"policyArn\":\"" + MANAGED + "\",\"policyDocument\":" + JSON.writeValueAsString(NO_READS)
                                + ",\"setAsDefault\":true}",
                        "{\"policyVersion\":{\"versionId\":\"v3\",\"isDefaultVersion\":true}}"));
        version("v3", NO_READS);
        version("v2", READS);

        List<Change> found = history.ofManagedPolicy(MANAGED, FROM, TO);

        assertThat(found).singleElement().satisfies(change -> {
            assertThat(change.subject()).isEqualTo(Subject.MANAGED_POLICY);
            assertThat(change.previous()).isEqualTo("v2");
            assertThat(change.current()).isEqualTo("v3");
            assertThat(change.policy().granting("s3:GetObject", "arn:aws:s3:::orders/a"))
                    .isEmpty();
            assertThat(change.before().granting("s3:GetObject", "arn:aws:s3:::orders/a"))
                    .isPresent();
            assertThat(change.beforeDeleted()).isFalse();
            assertThat(change.actorArn()).isEqualTo(CloudTrailChangeHistoryTest.OPERATOR);
        });
    }

    @Test
    void aReplacedVersionSinceDeletedIsSaidAndItsDocumentTakenFromTheEventThatCreatedIt() throws Exception {
        lookup(
                MANAGED,
                event(
                        "e-1",
                        "iam.amazonaws.com",
                        "CreatePolicyVersion",
                        "2026-11-23T01:00:00Z",
                        "{\"policyArn\":\"" + MANAGED + "\",\"policyDocument\":" + JSON.writeValueAsString(READS)
                                + ",\"setAsDefault\":true}",
                        "{\"policyVersion\":{\"versionId\":\"v4\",\"isDefaultVersion\":true}}"),
                event(
                        "e-2",
                        "iam.amazonaws.com",
                        "SetDefaultPolicyVersion",
                        "2026-11-23T07:00:00Z",
                        "{\"policyArn\":\"" + MANAGED + "\",\"versionId\":\"v1\"}",
                        "null"));
        version("v1", NO_READS);
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetPolicyVersion"))
                .withRequestBody(containing("VersionId=v4"))
                .willReturn(iamError(404, "NoSuchEntity", "Policy version v4 does not exist.")));

        List<Change> found = history.ofManagedPolicy(MANAGED, FROM, TO);

        assertThat(found)
                .extracting(Change::eventName)
                .containsExactly("CreatePolicyVersion", "SetDefaultPolicyVersion");
        Change rollBack = found.get(1);
        assertThat(rollBack.previous()).isEqualTo("v4");
        assertThat(rollBack.beforeDeleted()).isTrue();
        assertThat(rollBack.before().document()).isEqualTo(READS);
    }

    @Test
    void theFunctionsRoleSwapAndDeployAreFoundUnderTheirVersionSuffixedNames() throws Exception {
        lookup(
                "data-processor",
                event(
                        "e-1",
                        "lambda.amazonaws.com",
                        "UpdateFunctionConfiguration20150331v2",
                        "2026-11-23T06:00:00Z",
                        "{\"functionName\":\"data-processor\",\"role\":\"arn:aws:iam::123456789012:role/new-role\"}",
                        "{\"functionName\":\"data-processor\",\"role\":\"arn:aws:iam::123456789012:role/new-role\"}"),
                event(
                        "e-2",
                        "lambda.amazonaws.com",
                        "UpdateFunctionCode20150331v2",
                        "2026-11-23T07:50:00Z",
                        "{\"functionName\":\"data-processor\",\"publish\":false}",
                        "{\"functionName\":\"data-processor\",\"codeSha256\":\"c2hhLW5ldw==\"}"),
                event("e-3", "lambda.amazonaws.com", "GetFunction20150331v2", "2026-11-23T07:51:00Z", "{}", "null"));

        List<Change> found = history.ofFunction("data-processor", FROM, TO);

        assertThat(found)
                .extracting(Change::action)
                .containsExactly("UpdateFunctionConfiguration", "UpdateFunctionCode");
        assertThat(found.get(0).current()).isEqualTo("arn:aws:iam::123456789012:role/new-role");
        assertThat(found.get(1).current()).isEqualTo("c2hhLW5ldw==");
    }

    @Test
    void aBucketPolicyIsLookedUpByTheBucketsNameAndItsNewPolicyReadFromTheEvent() throws Exception {
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoReads\",\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::orders/*\"}]}";
        lookup(
                "orders",
                event(
                        "e-1",
                        "s3.amazonaws.com",
                        "PutBucketPolicy",
                        "2026-11-23T07:59:00Z",
                        "{\"bucketName\":\"orders\",\"bucketPolicy\":" + policy
                                + ",\"Host\":\"orders.s3.amazonaws.com\"}",
                        "null"));

        List<Change> found = history.ofResourcePolicy("arn:aws:s3:::orders", FROM, TO);

        assertThat(found).singleElement().satisfies(change -> {
            assertThat(change.subject()).isEqualTo(Subject.RESOURCE_POLICY);
            assertThat(change.target()).isEqualTo("arn:aws:s3:::orders");
            assertThat(change.policy().statements()).singleElement().satisfies(statement -> {
                assertThat(statement.denies("s3:GetObject", "arn:aws:s3:::orders/a.csv"))
                        .isTrue();
                assertThat(statement.principals()).containsExactly("*");
            });
        });
    }

    @Test
    void anOrganizationPolicysUpdateIsReadWithItsNewContent() throws Exception {
        lookup(
                "p-deny3s",
                event(
                        "e-1",
                        "organizations.amazonaws.com",
                        "UpdatePolicy",
                        "2026-11-23T07:30:00Z",
                        "{\"policyId\":\"p-deny3s\",\"content\":" + JSON.writeValueAsString(NO_READS) + "}",
                        "null"));

        assertThat(history.ofOrganizationPolicy("p-deny3s", FROM, TO))
                .singleElement()
                .satisfies(change -> {
                    assertThat(change.subject()).isEqualTo(Subject.ORGANIZATION_POLICY);
                    assertThat(change.target()).isEqualTo("p-deny3s");
                    assertThat(change.policy()).isNotNull();
                });
    }

    private void lookup(String resourceName, ObjectNode... events) throws Exception {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode list = page.putArray("Events");
        for (ObjectNode event : events) {
            list.add(event);
        }
        aws.server.stubFor(post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(containing("\"AttributeValue\":\"" + resourceName + "\""))
                .willReturn(logsOk(JSON.writeValueAsString(page))));
    }

    private void version(String id, String document) {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetPolicyVersion"))
                .withRequestBody(containing("VersionId=" + id))
                .willReturn(iamOk(
                        "GetPolicyVersion",
                        "<PolicyVersion><Document>"
                                + URLEncoder.encode(document, StandardCharsets.UTF_8) + "</Document><VersionId>" + id
                                + "</VersionId><IsDefaultVersion>false</IsDefaultVersion>"
                                + "<CreateDate>2026-11-01T09:00:00Z</CreateDate></PolicyVersion>")));
    }

    /** One LookupEvents event of any service, its record embedded as CloudTrail does, a JSON string. */
    private static ObjectNode event(String id, String source, String name, String time, String request, String response)
            throws Exception {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "1.09");
        record.putObject("userIdentity")
                .put("type", "IAMUser")
                .put("arn", CloudTrailChangeHistoryTest.OPERATOR)
                .put("userName", "ops-alice");
        record.put("eventTime", time);
        record.put("eventSource", source);
        record.put("eventName", name);
        record.set("requestParameters", JSON.readTree(request));
        record.set("responseElements", JSON.readTree(response));
        record.put("eventID", id);
        ObjectNode event = JSON.createObjectNode();
        event.put("EventId", id);
        event.put("EventName", name);
        event.put("EventTime", Instant.parse(time).getEpochSecond());
        event.put("EventSource", source);
        event.put("Username", "ops-alice");
        event.put("CloudTrailEvent", JSON.writeValueAsString(record));
        return event;
    }
}

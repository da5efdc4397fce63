package io.incidentsupervisor.adapter.aws.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.iamError;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.iamOk;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.notAuthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextEntry.Relevance;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class IamRoleCollectorTest {

    static final String ROLE = "data-processor-role";
    static final String INLINE_POLICY = """
            {"Version":"2012-10-17","Statement":[
              {"Sid":"ReadOrders","Effect":"Allow","Action":["s3:GetObject","s3:ListBucket"],"Resource":["arn:aws:s3:::orders-prod-eu","arn:aws:s3:::orders-prod-eu/*"]},
              {"Sid":"WriteResults","Effect":"Allow","Action":"dynamodb:PutItem","Resource":"arn:aws:dynamodb:eu-west-1:123456789012:table/results"}
            ]}""";

    private final AwsStubs aws = new AwsStubs();
    private final IamRoleCollector collector = new IamRoleCollector(aws.lambda(), aws.iam());
    private final IncidentAlert alert = LambdaConfigurationCollectorTest.ALERT;

    @BeforeEach
    void serveTheFunction() {
        stubGetFunction(aws.server);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    public static void stubGetFunction(WireMockServer server) {
        server.stubFor(
                get(urlEqualTo("/2015-03-31/functions/data-processor"))
                        .willReturn(
                                aResponse()
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"Configuration\":" + LambdaConfigurationCollectorTest.CONFIGURATION
                                                        + ",\"Code\":{\"RepositoryType\":\"S3\",\"Location\":\"https://awslambda-eu-west-1-tasks.s3.eu-west-1.amazonaws.com/snapshots/x\"}}")));
    }

    public static void stubRole(WireMockServer server) {
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(and(containing("Action=ListAttachedRolePolicies"), notContaining("Marker=")))
                .willReturn(iamOk(
                        "ListAttachedRolePolicies",
                        "<AttachedPolicies><member><PolicyName>AWSLambdaBasicExecutionRole</PolicyName>"
                                + "<PolicyArn>arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole</PolicyArn></member></AttachedPolicies>"
                                + "<IsTruncated>true</IsTruncated><Marker>page-2</Marker>")));
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(and(containing("Action=ListAttachedRolePolicies"), containing("Marker=page-2")))
                .willReturn(iamOk(
                        "ListAttachedRolePolicies",
                        "<AttachedPolicies><member><PolicyName>AWSXRayDaemonWriteAccess</PolicyName>"
                                + "<PolicyArn>arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess</PolicyArn></member></AttachedPolicies>"
                                + "<IsTruncated>false</IsTruncated>")));
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ListRolePolicies"))
                .willReturn(iamOk(
                        "ListRolePolicies",
                        "<PolicyNames><member>orders-access</member></PolicyNames><IsTruncated>false</IsTruncated>")));
        server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetRolePolicy"))
                .willReturn(iamOk(
                        "GetRolePolicy",
                        "<RoleName>" + ROLE + "</RoleName><PolicyName>orders-access</PolicyName><PolicyDocument>"
                                + URLEncoder.encode(INLINE_POLICY, StandardCharsets.UTF_8) + "</PolicyDocument>")));
    }

    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
    static final String XRAY = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";

    @Test
    void readsTheFunctionsRoleItsAttachedPoliciesAcrossPagesAndDecodesEveryInlineDocument() {
        stubRole(aws.server);
        AwsStubs.stubManagedPolicy(
                aws.server,
                BASIC_EXECUTION,
                "v1",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],"
                        + "\"Resource\":\"*\"}]}");
        AwsStubs.stubManagedPolicy(
                aws.server,
                XRAY,
                "v2",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"xray:PutTraceSegments\",\"Resource\":\"*\"}]}");

        CollectorResult result = collector.collect(alert);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.data())
                .containsEntry("roleArn", "arn:aws:iam::123456789012:role/service-role/data-processor-role")
                .containsEntry(
                        "attachedPolicyArns",
                        List.of(
                                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                                "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess"))
                .containsEntry("inlinePolicyNames", List.of("orders-access"));
        assertThat(result.entries())
                .extracting(ContextEntry::relevance)
                .containsExactly(Relevance.FAILURE, Relevance.BACKGROUND, Relevance.BACKGROUND, Relevance.BACKGROUND);
        assertThat(result.entries())
                .extracting(entry -> entry.content().get("id"))
                .containsExactly(
                        "iam:inline/orders-access#1",
                        "iam:inline/orders-access#2",
                        "iam:managed/AWSLambdaBasicExecutionRole#1",
                        "iam:managed/AWSXRayDaemonWriteAccess#1");
        assertThat(result.entries().get(3).content()).containsEntry("policy", XRAY);
        assertThat(result.truncated()).isFalse();
        assertThat(result.data()).doesNotContainKeys("managedPoliciesCut", "unreadablePolicies");
        @SuppressWarnings("unchecked")
        Map<String, Object> first =
                (Map<String, Object>) result.entries().get(0).content().get("statement");
        assertThat(first)
                .containsEntry("Sid", "ReadOrders")
                .containsEntry("Action", List.of("s3:GetObject", "s3:ListBucket"));
        assertThat(result.entries().get(1).content()).containsEntry("policy", "orders-access");
    }

    @Test
    void aManagedPolicyBeyondTheCapKeepsOnlyTheStatementsOfTheFailingServiceAndSaysSo() {
        stubRole(aws.server);
        StringBuilder large = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 1; i <= 120; i++) {
            large.append("{\"Sid\":\"Ec2Read")
                    .append(i)
                    .append("\",\"Effect\":\"Allow\",\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"},");
        }
        large.append("{\"Sid\":\"S3Read\",\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}]}");
        assertThat(large.length()).isGreaterThan(IamRoleCollector.MANAGED_DOCUMENT_CAP);
        AwsStubs.stubManagedPolicy(aws.server, BASIC_EXECUTION, "v1", large.toString());
        AwsStubs.stubManagedPolicy(
                aws.server,
                XRAY,
                "v2",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"xray:PutTraceSegments\",\"Resource\":\"*\"}]}");

        CollectorResult result = collector.collect(alert);

        assertThat(result.entries())
                .extracting(entry -> entry.content().get("id"))
                .containsExactly(
                        "iam:inline/orders-access#1",
                        "iam:inline/orders-access#2",
                        "iam:managed/AWSLambdaBasicExecutionRole#121",
                        "iam:managed/AWSXRayDaemonWriteAccess#1");
        assertThat(result.truncated()).isTrue();
        assertThat(result.data())
                .containsEntry(
                        "managedPoliciesCut",
                        List.of(Map.of("policyArn", BASIC_EXECUTION, "statements", 121, "kept", 1)));
    }

    @Test
    void aManagedPolicyIamRefusesIsNamedAndTheRestIsKept() {
        stubRole(aws.server);
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=GetPolicy&"))
                .willReturn(iamError(403, "AccessDenied", notAuthorized("iam:GetPolicy", "policy"))));

        CollectorResult result = collector.collect(alert);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.entries()).hasSize(2);
        assertThat(result.data().get("unreadablePolicies"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(2)
                .allSatisfy(line -> assertThat(line.toString()).contains(": AccessDenied AccessDenied (User: "));
    }

    @Test
    void aManagedPolicyAnsweredWithABare404IsNamedAsUnreadable() {
        stubRole(aws.server);

        CollectorResult result = collector.collect(alert);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.data().get("unreadablePolicies"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(BASIC_EXECUTION + ": Failed", XRAY + ": Failed");
    }

    @Test
    void accessDeniedFromIamKeepsTheMissingPermission() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ListAttachedRolePolicies"))
                .willReturn(
                        iamError(403, "AccessDenied", notAuthorized("iam:ListAttachedRolePolicies", "role " + ROLE))));

        CollectorResult result = collector.collect(alert);

        assertThat(result.error().kind()).isEqualTo("AccessDenied");
        assertThat(result.error().code()).isEqualTo("AccessDenied");
        assertThat(result.error().missingPermission()).isEqualTo("iam:ListAttachedRolePolicies");
    }

    @Test
    void aMissingRoleIsNotFound() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ListAttachedRolePolicies"))
                .willReturn(iamError(404, "NoSuchEntity", "The role with name " + ROLE + " cannot be found.")));

        CollectorResult result = collector.collect(alert);

        assertThat(result.error().kind()).isEqualTo("NotFound");
        assertThat(result.error().code()).isEqualTo("NoSuchEntity");
    }

    @Test
    void throttlingIsReportedAsThrottled() {
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ListAttachedRolePolicies"))
                .willReturn(iamError(400, "Throttling", "Rate exceeded")));

        assertThat(collector.collect(alert).error().kind()).isEqualTo("Throttled");
    }

    @Test
    void theFailingServiceComesFromTheMessageAndTheType() {
        assertThat(IamRoleCollector.failingServices(alert)).containsExactly("s3");
        assertThat(IamRoleCollector.failingServices(IncidentAlert.of(
                        "CloudWatchAccessError", "denied", "AccessDenied", "fn", "2026-11-23T08:00:00Z")))
                .containsExactly("cloudwatch", "logs");
    }
}

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

    @Test
    void readsTheFunctionsRoleItsAttachedPoliciesAcrossPagesAndDecodesEveryInlineDocument() {
        stubRole(aws.server);

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
                .containsExactly(Relevance.FAILURE, Relevance.BACKGROUND);
        @SuppressWarnings("unchecked")
        Map<String, Object> first =
                (Map<String, Object>) result.entries().get(0).content().get("statement");
        assertThat(first)
                .containsEntry("Sid", "ReadOrders")
                .containsEntry("Action", List.of("s3:GetObject", "s3:ListBucket"));
        assertThat(result.entries().get(1).content()).containsEntry("policy", "orders-access");
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

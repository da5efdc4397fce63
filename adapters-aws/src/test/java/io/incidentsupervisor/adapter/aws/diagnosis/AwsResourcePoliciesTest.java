package io.incidentsupervisor.adapter.aws.diagnosis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.domain.diagnosis.Policy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A resource's policy now, read by the real SDK clients in each service's own wire format: S3's restXml (the policy is
 * the body) and Lambda's restJson; the services whose policies are not read now say so without a request.
 */
class AwsResourcePoliciesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DENY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoReads\",\"Effect\":"
            + "\"Deny\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/data-processor-role\"},"
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::orders/*\"}]}";

    private final AwsStubs aws = new AwsStubs();
    private final AwsResourcePolicies policies = new AwsResourcePolicies(aws::s3, aws::lambda);

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void aBucketsPolicyIsTheBodyOfGetBucketPolicy() {
        aws.server.stubFor(get(urlEqualTo("/orders?policy"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(DENY)));

        Policy policy = policies.of("arn:aws:s3:::orders");

        assertThat(policy.statements()).singleElement().satisfies(statement -> {
            assertThat(statement.denies("s3:GetObject", "arn:aws:s3:::orders/a.csv"))
                    .isTrue();
            assertThat(statement.principals()).containsExactly("arn:aws:iam::123456789012:role/data-processor-role");
        });
    }

    @Test
    void aBucketWithoutAPolicyHasNoneAndARefusalNamesThePermission() {
        aws.server.stubFor(get(urlEqualTo("/empty?policy")).willReturn(s3Error(404, "NoSuchBucketPolicy")));
        aws.server.stubFor(get(urlEqualTo("/secret?policy")).willReturn(s3Error(403, "AccessDenied")));

        assertThat(policies.of("arn:aws:s3:::empty")).isNull();
        assertThatThrownBy(() -> policies.of("arn:aws:s3:::secret"))
                .isInstanceOfSatisfying(EvidenceUnavailable.class, unavailable -> {
                    assertThat(unavailable.kind()).isEqualTo("AccessDenied");
                    assertThat(unavailable.missingPermission()).isEqualTo("s3:GetBucketPolicy");
                });
    }

    @Test
    void aKeysAQueuesAndATopicsPoliciesAreNotReadNowAndSaySo() {
        for (String arn : java.util.List.of(
                "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:sqs:eu-west-1:123456789012:orders-in",
                "arn:aws:sns:eu-west-1:123456789012:alerts")) {
            assertThatThrownBy(() -> policies.of(arn))
                    .isInstanceOfSatisfying(EvidenceUnavailable.class, unavailable -> {
                        assertThat(unavailable.kind()).isEqualTo("Unsupported");
                        assertThat(unavailable.getMessage()).contains(arn);
                    });
        }
        assertThat(aws.server.getAllServeEvents()).as("no request sent").isEmpty();
    }

    @Test
    void aFunctionsPolicyComesFromGetPolicyAndNoneIsNotFound() throws Exception {
        aws.server.stubFor(get(urlPathEqualTo("/2015-03-31/functions/exporter/policy"))
                .willReturn(json(
                        "application/json",
                        "{\"Policy\":" + JSON.writeValueAsString(DENY)
                                + ",\"RevisionId\":\"4c3b2a19-0e8d-4f7c-9b6a-5d4e3f2a1b0c\"}")));
        aws.server.stubFor(get(urlPathEqualTo("/2015-03-31/functions/bare/policy"))
                .willReturn(AwsStubs.lambdaError(
                        404, "ResourceNotFoundException", "The resource you requested does" + " not exist.")));

        assertThat(policies.of("arn:aws:lambda:eu-west-1:123456789012:function:exporter")
                        .statements())
                .hasSize(1);
        assertThat(policies.of("arn:aws:lambda:eu-west-1:123456789012:function:bare"))
                .isNull();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String type, String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", type).withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder s3Error(int status, String code) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                        + (status == 403
                                ? AwsStubs.notAuthorized("s3:GetBucketPolicy", "arn:aws:s3:::secret")
                                : "The bucket policy does not exist")
                        + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>");
    }
}

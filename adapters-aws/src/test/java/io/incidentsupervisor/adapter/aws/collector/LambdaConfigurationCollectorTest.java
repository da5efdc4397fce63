package io.incidentsupervisor.adapter.aws.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.lambdaError;
import static io.incidentsupervisor.adapter.aws.collector.AwsStubs.notAuthorized;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class LambdaConfigurationCollectorTest {

    public static final String CONFIGURATION_PATH = "/2015-03-31/functions/data-processor/configuration";
    public static final String CONFIGURATION = """
            {"FunctionName":"data-processor","FunctionArn":"arn:aws:lambda:eu-west-1:123456789012:function:data-processor",
             "Runtime":"python3.12","Role":"arn:aws:iam::123456789012:role/service-role/data-processor-role","Handler":"app.handler",
             "CodeSize":48213,"Description":"Processes order files","Timeout":60,"MemorySize":512,
             "LastModified":"2026-11-20T09:14:02.000+0000","CodeSha256":"f0Yk3lZJ8kHQ4b1qS0Z2Y7GvR3hXyq0iVg2r6tLwR9k=","Version":"$LATEST",
             "Environment":{"Variables":{"DB_PASSWORD":"hunter2-Sup3rS3cret","ORDERS_BUCKET":"orders-inbox-7f3a","API_TOKEN":"tok_live_9f8e7d6c5b4a"}},
             "TracingConfig":{"Mode":"PassThrough"},"RevisionId":"8e4b2c7a-1f2e-4d3c-9b8a-7f6e5d4c3b2a","State":"Active",
             "LastUpdateStatus":"Successful","PackageType":"Zip","Architectures":["arm64"],"EphemeralStorage":{"Size":512}}""";
    public static final IncidentAlert ALERT = IncidentAlert.of(
            "S3AccessError",
            "Access Denied for s3:GetObject",
            "AccessDenied",
            "data-processor",
            "2026-11-23T08:00:00Z");

    private final AwsStubs aws = new AwsStubs();
    private final LambdaConfigurationCollector collector = new LambdaConfigurationCollector(aws.lambda());

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void keepsTheConfigurationSubsetAndOnlyTheEnvironmentKeys() {
        aws.server.stubFor(get(urlEqualTo(CONFIGURATION_PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(CONFIGURATION)));
        aws.server.stubFor(get(urlEqualTo("/2019-09-30/functions/data-processor/concurrency"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ReservedConcurrentExecutions\":5}")));

        CollectorResult result = collector.collect(ALERT);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.data())
                .containsEntry("FunctionName", "data-processor")
                .containsEntry("Runtime", "python3.12")
                .containsEntry("Handler", "app.handler")
                .containsEntry("Role", "arn:aws:iam::123456789012:role/service-role/data-processor-role")
                .containsEntry("MemorySize", 512)
                .containsEntry("Timeout", 60)
                .containsEntry("LastModified", "2026-11-20T09:14:02.000+0000")
                .containsEntry("State", "Active")
                .containsEntry("ReservedConcurrentExecutions", 5)
                .containsEntry("EnvironmentKeys", List.of("API_TOKEN", "DB_PASSWORD", "ORDERS_BUCKET"));
        assertThat(result.toString())
                .doesNotContain("hunter2-Sup3rS3cret", "tok_live_9f8e7d6c5b4a", "orders-inbox-7f3a");
    }

    @Test
    void aFunctionWithoutReservedConcurrencySaysSo() {
        aws.server.stubFor(get(urlEqualTo(CONFIGURATION_PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(CONFIGURATION)));
        aws.server.stubFor(get(urlEqualTo("/2019-09-30/functions/data-processor/concurrency"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{}")));

        assertThat(collector.collect(ALERT).data()).containsEntry("ReservedConcurrentExecutions", "unreserved");
    }

    @Test
    void accessDeniedNamesTheMissingPermission() {
        aws.server.stubFor(get(urlEqualTo(CONFIGURATION_PATH))
                .willReturn(lambdaError(
                        403,
                        "AccessDeniedException",
                        notAuthorized(
                                "lambda:GetFunctionConfiguration",
                                "arn:aws:lambda:eu-west-1:123456789012:function:data-processor"))));

        CollectorResult result = collector.collect(ALERT);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error().kind()).isEqualTo("AccessDenied");
        assertThat(result.error().code()).isEqualTo("AccessDeniedException");
        assertThat(result.error().missingPermission()).isEqualTo("lambda:GetFunctionConfiguration");
        assertThat(result.error().message()).contains("is not authorized to perform");
    }

    @Test
    void anUnknownFunctionIsNotFound() {
        aws.server.stubFor(get(urlEqualTo(CONFIGURATION_PATH))
                .willReturn(lambdaError(
                        404,
                        "ResourceNotFoundException",
                        "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:data-processor")));

        CollectorResult result = collector.collect(ALERT);

        assertThat(result.error().kind()).isEqualTo("NotFound");
        assertThat(result.error().code()).isEqualTo("ResourceNotFoundException");
    }

    @Test
    void throttlingIsReportedAsThrottled() {
        aws.server.stubFor(get(urlEqualTo(CONFIGURATION_PATH))
                .willReturn(lambdaError(429, "TooManyRequestsException", "Rate exceeded")));

        CollectorResult result = collector.collect(ALERT);

        assertThat(result.error().kind()).isEqualTo("Throttled");
        assertThat(result.error().code()).isEqualTo("TooManyRequestsException");
    }
}

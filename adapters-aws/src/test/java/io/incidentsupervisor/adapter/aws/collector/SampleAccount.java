package io.incidentsupervisor.adapter.aws.collector;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.List;

/**
 * The sample account on WireMock: {@code data-processor}, with its configuration and secret-looking environment, its log
 * group holding an AccessDenied line, and a supervisor role that may not list the function role's attached policies.
 */
public final class SampleAccount {

    private SampleAccount() {}

    public static void serve(AwsStubs aws) {
        aws.server.stubFor(get(urlEqualTo(LambdaConfigurationCollectorTest.CONFIGURATION_PATH))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody(LambdaConfigurationCollectorTest.CONFIGURATION)));
        aws.server.stubFor(get(urlEqualTo("/2019-09-30/functions/data-processor/concurrency"))
                .willReturn(aResponse()
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"ReservedConcurrentExecutions\":5}")));
        IamRoleCollectorTest.stubGetFunction(aws.server);
        aws.server.stubFor(post(urlEqualTo("/"))
                .withRequestBody(containing("Action=ListAttachedRolePolicies"))
                .willReturn(AwsStubs.iamError(
                        403,
                        "AccessDenied",
                        AwsStubs.notAuthorized("iam:ListAttachedRolePolicies", "role data-processor-role"))));
        CloudWatchLogsCollectorTest.stubGroupExists(aws.server);
        List<String> lines =
                List.of("START RequestId: 8f1c", CloudWatchLogsCollectorTest.ACCESS_DENIED_LINE, "END RequestId: 8f1c");
        CloudWatchLogsCollectorTest.stubEvents(aws.server, lines.size(), lines::get);
    }
}

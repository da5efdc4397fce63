package io.incidentsupervisor.bootstrap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.collector.CloudWatchLogsCollectorTest;
import io.incidentsupervisor.adapter.aws.collector.IamRoleCollectorTest;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service as bootstrap wires it, fed the real example SNS events, on DynamoDB Local with AWS APIs from WireMock. */
class IncidentSupervisorTest {

    private static final IncidentId INCIDENT = new IncidentId("data-processor#2026-11-23T08:00:00.512Z");

    @Test
    void handlesTheExampleEventsEndToEnd() {
        String prefix = SharedDynamoDbLocal.uniquePrefix();
        Settings settings = Settings.from(Map.of("SUPERVISED_FUNCTIONS", "data-processor", "EVENTS_TABLE", prefix + "events", "SNAPSHOTS_TABLE",
                prefix + "snapshots", "STATE_TABLE", prefix + "state", "CONTEXT_TABLE", prefix + "context", "REJECTED_TABLE", prefix + "rejected"));
        try (AwsStubs aws = new AwsStubs();
                IncidentSupervisor supervisor = new IncidentSupervisor(settings,
                        new IncidentSupervisor.AwsClients(SharedDynamoDbLocal.client(), aws.lambda(), aws.iam(), aws.logs()))) {
            stubTheAccount(aws);
            supervisor.createTablesIfMissing();

            supervisor.snsHandler.handleRequest(EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"), new InvocationContext());
            supervisor.snsHandler.handleRequest(EventLoader.loadSNSEvent("../examples/sns-s3-access-error.json"), new InvocationContext());
            supervisor.snsHandler.handleRequest(EventLoader.loadSNSEvent("../examples/sns-malformed.json"), new InvocationContext());

            assertThat(new AuditHistory(supervisor.axon.eventStore()).of(INCIDENT)).extracting(e -> e.type()).containsExactly("IncidentReceived",
                    "InvestigationStarted", "CollectorFinished", "CollectorFinished", "CollectorFinished", "ContextGathered");
            assertThat(supervisor.states.find(INCIDENT)).get().extracting(row -> row.status()).isEqualTo(IncidentStatus.CONTEXT_GATHERED);
            assertThat(supervisor.contexts.find(INCIDENT, Instant.now())).get().extracting(row -> row.contextJson()).asString()
                    .contains("iam:ListAttachedRolePolicies").doesNotContain("hunter2-Sup3rS3cret");
            assertThat(supervisor.rejected.latest(10)).singleElement()
                    .satisfies(kept -> assertThat(kept.messageId()).isEqualTo("5e4d3c2b-1a09-5f8e-9d7c-6b5a4f3e2d1c"));
        }
    }

    private static void stubTheAccount(AwsStubs aws) {
        aws.server.stubFor(get(urlEqualTo("/2015-03-31/functions/data-processor/configuration")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(io.incidentsupervisor.adapter.aws.collector.LambdaConfigurationCollectorTest.CONFIGURATION)));
        aws.server.stubFor(get(urlEqualTo("/2019-09-30/functions/data-processor/concurrency"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        IamRoleCollectorTest.stubGetFunction(aws.server);
        aws.server.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=ListAttachedRolePolicies")).willReturn(AwsStubs.iamError(403,
                "AccessDenied", AwsStubs.notAuthorized("iam:ListAttachedRolePolicies", "role data-processor-role"))));
        CloudWatchLogsCollectorTest.stubGroupExists(aws.server);
        List<String> lines = List.of("START RequestId: 8f1c", CloudWatchLogsCollectorTest.ACCESS_DENIED_LINE);
        CloudWatchLogsCollectorTest.stubEvents(aws.server, lines.size(), lines::get);
    }

    /** A Lambda context with a minute left. */
    private static final class InvocationContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "c6af9ac6-7b61-11e6-9a41-93e8deadbeef";
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/incident-supervisor";
        }

        @Override
        public String getLogStreamName() {
            return "2026/11/23/[$LATEST]0a1b2c3d";
        }

        @Override
        public String getFunctionName() {
            return "incident-supervisor";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-1:123456789012:function:incident-supervisor";
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return null;
        }
    }
}

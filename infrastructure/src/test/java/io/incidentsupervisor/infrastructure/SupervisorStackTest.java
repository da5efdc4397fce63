package io.incidentsupervisor.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Every resource property the deployment depends on, read from the synthesized CloudFormation template. */
class SupervisorStackTest {

    private final Template template = SynthesizedStack.template();

    @Test
    void theTemplateIsWrittenUnderTargetForReview() {
        assertThat(Path.of("target/cdk.out/IncidentSupervisor.template.json")).isRegularFile();
    }

    @Test
    void theEventStoreTablesHaveTheCodesKeysAndTheEventsTableIsProtectedAndStreamed() {
        template.resourceCountIs("AWS::DynamoDB::Table", 6);
        template.hasResource(
                "AWS::DynamoDB::Table",
                Map.of(
                        "DeletionPolicy",
                        "Retain",
                        "Properties",
                        Map.of(
                                "TableName", "incident-supervisor-events",
                                "BillingMode", "PAY_PER_REQUEST",
                                "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "aggregateId", "KeyType", "HASH"),
                                                Map.of("AttributeName", "seq", "KeyType", "RANGE")),
                                "GlobalSecondaryIndexes",
                                        List.of(Map.of(
                                                "IndexName",
                                                "global-order",
                                                "KeySchema",
                                                List.of(
                                                        Map.of("AttributeName", "bucket", "KeyType", "HASH"),
                                                        Map.of("AttributeName", "globalSeq", "KeyType", "RANGE")),
                                                "Projection",
                                                Map.of("ProjectionType", "ALL"))),
                                "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true),
                                "DeletionProtectionEnabled", true,
                                "StreamSpecification", Map.of("StreamViewType", "NEW_IMAGE"))));
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName",
                        "incident-supervisor-snapshots",
                        "KeySchema",
                        List.of(
                                Map.of("AttributeName", "aggregateId", "KeyType", "HASH"),
                                Map.of("AttributeName", "seq", "KeyType", "RANGE"))));
    }

    @Test
    void theProjectionRejectedAndEpisodeTablesHaveTheirIndexesAndTtl() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName",
                        "incident-state",
                        "KeySchema",
                        List.of(Map.of("AttributeName", "incidentId", "KeyType", "HASH")),
                        "GlobalSecondaryIndexes",
                        List.of(
                                Map.of(
                                        "IndexName",
                                        "open-by-stale-at",
                                        "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "openBucket", "KeyType", "HASH"),
                                                Map.of("AttributeName", "staleAt", "KeyType", "RANGE")),
                                        "Projection",
                                        Map.of("ProjectionType", "KEYS_ONLY")),
                                Map.of(
                                        "IndexName",
                                        "evidence-pending",
                                        "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "pendingBucket", "KeyType", "HASH"),
                                                Map.of("AttributeName", "pendingUntil", "KeyType", "RANGE")),
                                        "Projection",
                                        Map.of("ProjectionType", "KEYS_ONLY")),
                                Map.of(
                                        "IndexName",
                                        "recent",
                                        "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "recentBucket", "KeyType", "HASH"),
                                                Map.of("AttributeName", "failedAt", "KeyType", "RANGE")),
                                        "Projection",
                                        Map.of("ProjectionType", "ALL")),
                                Map.of(
                                        "IndexName",
                                        "by-cause",
                                        "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "causeBucket", "KeyType", "HASH"),
                                                Map.of("AttributeName", "causeKey", "KeyType", "RANGE")),
                                        "Projection",
                                        Map.of("ProjectionType", "ALL"))),
                        "PointInTimeRecoverySpecification",
                        Map.of("PointInTimeRecoveryEnabled", true)));
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName",
                        "incident-context",
                        "TimeToLiveSpecification",
                        Map.of("AttributeName", "ttl", "Enabled", true),
                        "BillingMode",
                        "PAY_PER_REQUEST"));
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName",
                        "incident-supervisor-rejected-alerts",
                        "KeySchema",
                        List.of(Map.of("AttributeName", "messageId", "KeyType", "HASH")),
                        "GlobalSecondaryIndexes",
                        List.of(Map.of(
                                "IndexName",
                                "by-time",
                                "KeySchema",
                                List.of(
                                        Map.of("AttributeName", "bucket", "KeyType", "HASH"),
                                        Map.of("AttributeName", "rejectedAtMillis", "KeyType", "RANGE")),
                                "Projection",
                                Map.of("ProjectionType", "ALL")))));
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName",
                        "incident-supervisor-episodes",
                        "KeySchema",
                        List.of(Map.of("AttributeName", "failure", "KeyType", "HASH")),
                        "TimeToLiveSpecification",
                        Map.of("AttributeName", "expiresAt", "Enabled", true),
                        "BillingMode",
                        "PAY_PER_REQUEST"));
        assertThat(template.findResources(
                        "AWS::DynamoDB::Table", Map.of("Properties", Map.of("DeletionProtectionEnabled", true))))
                .as("deletion protection is on the event store")
                .hasSize(1);
    }

    @Test
    void theSupervisorFunctionRunsTheLambdaJarOnJava21WithTracingAndTheMeasuredSizing() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "FunctionName",
                        "incident-supervisor",
                        "Runtime",
                        "java21",
                        "Handler",
                        "io.incidentsupervisor.bootstrap.LambdaEntry::handleRequest",
                        "MemorySize",
                        1024,
                        "Timeout",
                        60,
                        "TracingConfig",
                        Map.of("Mode", "Active"),
                        "ReservedConcurrentExecutions",
                        5,
                        "Environment",
                        Map.of(
                                "Variables",
                                Match.objectLike(Map.of(
                                        "STALE_THRESHOLD",
                                        "60",
                                        "SUPERVISED_FUNCTIONS",
                                        "data-processor",
                                        "AXONIQ_UPDATE_CHECKER_DISABLED",
                                        "true",
                                        "JAVA_TOOL_OPTIONS",
                                        "-XX:+TieredCompilation -XX:TieredStopAtLevel=1")))));
        template.resourcePropertiesCountIs("AWS::Logs::LogGroup", Map.of("RetentionInDays", 7), 4);
        template.hasResourceProperties(
                "AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/lambda/incident-supervisor"));
    }

    @Test
    void reservedConcurrencyIsOptional() {
        Template without = SynthesizedStack.with(new StackConfig(
                List.of("data-processor"),
                List.of(SynthesizedStack.ACCOUNT_ROLE),
                Optional.empty(),
                Optional.empty(),
                StackConfig.Intake.SNS,
                StackConfig.DEFAULT_LAMBDA_JAR,
                List.of(),
                Optional.empty(),
                false));
        without.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of("FunctionName", "incident-supervisor", "ReservedConcurrentExecutions", Match.absent()));
    }

    @Test
    void failedAlertsGoToAQueueKeptFourteenDaysWithAlarmsOnItsDepthAndOnErrors() {
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Map.of(
                        "MaximumRetryAttempts",
                        2,
                        "MaximumEventAgeInSeconds",
                        21600,
                        "DestinationConfig",
                        Map.of(
                                "OnFailure",
                                Map.of(
                                        "Destination",
                                        Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Arn"))))))));
        template.hasResourceProperties(
                "AWS::SQS::Queue", Map.of("MessageRetentionPeriod", 1209600, "SqsManagedSseEnabled", true));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "ApproximateNumberOfMessagesVisible",
                        "Namespace",
                        "AWS/SQS",
                        "Threshold",
                        1,
                        "ComparisonOperator",
                        "GreaterThanOrEqualToThreshold"));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm", Map.of("MetricName", "Errors", "Namespace", "AWS/Lambda", "Threshold", 1));
    }

    @Test
    void theFunctionIsSubscribedToANewTopicOrToTheOneGiven() {
        template.resourceCountIs("AWS::SNS::Topic", 2); // the alert topic and (-c chatTopic=true) the chat topic
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "lambda"));

        String existing = "arn:aws:sns:eu-west-1:123456789012:incident-alerts";
        Template withTopic = SynthesizedStack.with(new StackConfig(
                List.of("data-processor"),
                List.of(SynthesizedStack.ACCOUNT_ROLE),
                Optional.of(existing),
                Optional.empty(),
                StackConfig.Intake.SNS,
                StackConfig.DEFAULT_LAMBDA_JAR,
                List.of(),
                Optional.empty(),
                false));
        withTopic.resourceCountIs("AWS::SNS::Topic", 0);
        withTopic.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "lambda", "TopicArn", existing));
    }

    @Test
    void aScheduleRunsStaleRecoveryThroughTheSecondEntry() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "FunctionName",
                        "incident-supervisor-recovery",
                        "Handler",
                        "io.incidentsupervisor.bootstrap.StaleRecoveryEntry::handleRequest",
                        "Runtime",
                        "java21",
                        "Timeout",
                        300,
                        "ReservedConcurrentExecutions",
                        1,
                        "TracingConfig",
                        Map.of("Mode", "Active")));
        template.hasResourceProperties(
                "AWS::Events::Rule", Map.of("ScheduleExpression", "rate(5 minutes)", "State", "ENABLED"));
    }

    @Test
    void theRoleHasNoScanNoWildcardActionAndStarOnlyWhereAwsOffersNoScoping() {
        List<RolePolicy.Grant> grants = RolePolicy.of(template).grants();
        assertThat(grants).isNotEmpty();
        assertThat(grants)
                .extracting(RolePolicy.Grant::action)
                .doesNotContain("dynamodb:Scan")
                .noneMatch(action -> action.contains("*"));
        assertThat(grants)
                .filteredOn(grant -> grant.resource().equals("*"))
                .extracting(RolePolicy.Grant::action)
                .as("X-Ray and CloudTrail's LookupEvents have no resource-level permissions")
                .allMatch(action -> action.startsWith("xray:") || action.equals("cloudtrail:LookupEvents"));
        assertThat(template.findResources(
                        "AWS::IAM::Role", Map.of("Properties", Map.of("ManagedPolicyArns", Match.anyValue()))))
                .as("no managed policy (AWSLambdaBasicExecutionRole grants logs on *)")
                .isEmpty();
    }

    @Test
    void aBadConfigurationIsRefusedNamingTheContextKey() {
        assertThatThrownBy(() -> new StackConfig(
                        List.of("data-processor"),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        StackConfig.Intake.SNS,
                        "x.jar",
                        List.of(),
                        Optional.empty(),
                        false))
                .hasMessageStartingWith("supervisedRoleArns:");
        assertThatThrownBy(() -> new StackConfig(
                        List.of("data-processor"),
                        List.of("not-an-arn"),
                        Optional.empty(),
                        Optional.empty(),
                        StackConfig.Intake.SNS,
                        "x.jar",
                        List.of(),
                        Optional.empty(),
                        false))
                .hasMessageContaining("not an IAM role ARN");
        assertThat(Files.exists(Path.of(StackConfig.DEFAULT_LAMBDA_JAR)))
                .as("the reactor built the Lambda jar before this module")
                .isTrue();
    }

    @Test
    void theMcpEndpointIsAFunctionUrlWithIamAuthOnItsOwnReadOnlyRoleCallableByTheNamedPrincipalsOnly() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "FunctionName",
                        "incident-supervisor-mcp",
                        "Runtime",
                        "java21",
                        "Handler",
                        "io.incidentsupervisor.bootstrap.McpLambdaEntry::handleRequest",
                        "SnapStart",
                        Map.of("ApplyOn", "PublishedVersions")));
        template.resourceCountIs("AWS::Lambda::Url", 1);
        template.hasResourceProperties(
                "AWS::Lambda::Url", Map.of("AuthType", "AWS_IAM", "InvokeMode", "BUFFERED", "Qualifier", "live"));
        template.hasResourceProperties(
                "AWS::Lambda::Permission",
                Map.of(
                        "Action",
                        "lambda:InvokeFunctionUrl",
                        "Principal",
                        SynthesizedStack.MCP_CALLER,
                        "FunctionUrlAuthType",
                        "AWS_IAM"));
        template.hasResourceProperties(
                "AWS::Lambda::Permission",
                Map.of(
                        "Action",
                        "lambda:InvokeFunction",
                        "Principal",
                        SynthesizedStack.MCP_CALLER,
                        "InvokedViaFunctionUrl",
                        true));
        assertThat(template.findResources(
                        "AWS::Lambda::Permission",
                        Map.of("Properties", Map.of("Principal", Match.stringLikeRegexp("\\*")))))
                .as("nobody else")
                .isEmpty();

        Map<String, Map<String, Object>> mcpFunction = template.findResources(
                "AWS::Lambda::Function", Map.of("Properties", Map.of("FunctionName", "incident-supervisor-mcp")));
        Map<String, Map<String, Object>> supervisorFunction = template.findResources(
                "AWS::Lambda::Function", Map.of("Properties", Map.of("FunctionName", "incident-supervisor")));
        assertThat(roleOf(mcpFunction)).as("a role of its own").isNotEqualTo(roleOf(supervisorFunction));
        assertThat(RolePolicy.of(template, "McpRole").grants())
                .extracting(RolePolicy.Grant::action)
                .as("no write permission on any table")
                .noneMatch(action -> action.startsWith("dynamodb:") && !action.equals("dynamodb:Query"));
        template.hasOutput("McpUrl", Map.of("Value", Match.objectLike(Map.of("Fn::GetAtt", Match.anyValue()))));
    }

    @Test
    void withoutNamedPrincipalsTheMcpUrlGrantsNobody() {
        Template nobody = SynthesizedStack.with(new StackConfig(
                List.of("data-processor"),
                List.of(SynthesizedStack.ACCOUNT_ROLE),
                Optional.empty(),
                Optional.empty(),
                StackConfig.Intake.SNS,
                StackConfig.DEFAULT_LAMBDA_JAR,
                List.of(),
                Optional.empty(),
                false));
        nobody.resourceCountIs("AWS::Lambda::Url", 1);
        assertThat(nobody.findResources(
                        "AWS::Lambda::Permission",
                        Map.of(
                                "Properties",
                                Map.of("FunctionName", Map.of("Ref", Match.stringLikeRegexp("McpLive.*"))))))
                .isEmpty();
        assertThatThrownBy(() -> new StackConfig(
                        List.of("data-processor"),
                        List.of(SynthesizedStack.ACCOUNT_ROLE),
                        Optional.empty(),
                        Optional.empty(),
                        StackConfig.Intake.SNS,
                        "x.jar",
                        List.of("*"),
                        Optional.empty(),
                        false))
                .hasMessageStartingWith("mcpPrincipals: '*' is neither");
    }

    @SuppressWarnings("unchecked")
    private static Object roleOf(Map<String, Map<String, Object>> function) {
        return ((Map<String, Object>) function.values().iterator().next().get("Properties")).get("Role");
    }

    @Test
    void lifecycleEventsArePublishedFromTheEventTablesStreamToOneBusOnARoleOfTheirOwn() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "FunctionName",
                        "incident-supervisor-events",
                        "Handler",
                        "io.incidentsupervisor.bootstrap.EventStreamEntry::handleRequest",
                        "SnapStart",
                        Map.of("ApplyOn", "PublishedVersions")));
        template.hasResourceProperties("AWS::Events::EventBus", Map.of("Name", "incident-supervisor"));
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "StartingPosition",
                        "TRIM_HORIZON",
                        "BisectBatchOnFunctionError",
                        true,
                        "FunctionResponseTypes",
                        List.of("ReportBatchItemFailures"),
                        "MaximumRecordAgeInSeconds",
                        86_400,
                        "DestinationConfig",
                        Match.objectLike(Map.of("OnFailure", Match.anyValue()))));
        List<RolePolicy.Grant> grants = RolePolicy.of(template, "EventsRole").grants();
        assertThat(grants)
                .filteredOn(grant -> grant.action().equals("events:PutEvents"))
                .extracting(RolePolicy.Grant::resource)
                .containsExactly("arn:aws:events:eu-west-1:123456789012:event-bus/incident-supervisor");
        assertThat(grants)
                .extracting(RolePolicy.Grant::action)
                .as("no write on any table")
                .noneMatch(action -> List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem")
                        .contains(action));
        assertThat(RolePolicy.of(template).grants())
                .extracting(RolePolicy.Grant::action)
                .as("the supervisor's own role puts no events")
                .doesNotContain("events:PutEvents");
    }

    @Test
    void aBusOfTheOperatorsIsUsedInsteadOfOneOfTheStacks() {
        String theirs = "arn:aws:events:eu-west-1:123456789012:event-bus/operations";
        Template given = SynthesizedStack.with(new StackConfig(
                List.of("data-processor"),
                List.of(SynthesizedStack.ACCOUNT_ROLE),
                Optional.empty(),
                Optional.empty(),
                StackConfig.Intake.SNS,
                StackConfig.DEFAULT_LAMBDA_JAR,
                List.of(),
                Optional.of(theirs),
                false));
        given.resourceCountIs("AWS::Events::EventBus", 0);
        assertThat(RolePolicy.of(given, "EventsRole").grants())
                .filteredOn(grant -> grant.action().equals("events:PutEvents"))
                .extracting(RolePolicy.Grant::resource)
                .containsExactly(theirs);
        assertThatThrownBy(() -> new StackConfig(
                        List.of("data-processor"),
                        List.of(SynthesizedStack.ACCOUNT_ROLE),
                        Optional.empty(),
                        Optional.empty(),
                        StackConfig.Intake.SNS,
                        "x.jar",
                        List.of(),
                        Optional.of("operations"),
                        false))
                .hasMessageStartingWith("eventBusArn: 'operations' is not");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theChatTopicIsEncryptedLikeTheAlertTopicAndOnlyThePublisherMayPublishToIt() {
        Map<String, Map<String, Object>> topics = template.findResources("AWS::SNS::Topic");
        assertThat(topics).hasSize(2);
        List<Object> keys = topics.values().stream()
                .map(topic -> ((Map<String, Object>) topic.get("Properties")).get("KmsMasterKeyId"))
                .toList();
        assertThat(keys.get(0)).as("the same SNS managed key").isNotNull().isEqualTo(keys.get(1));
        String chat = topics.keySet().stream()
                .filter(id -> id.startsWith("ChatTopic"))
                .findFirst()
                .orElseThrow();
        assertThat(RolePolicy.of(template, "EventsRole").grants())
                .filteredOn(grant -> grant.action().equals("sns:Publish"))
                .extracting(RolePolicy.Grant::resource)
                .containsExactly("arn:aws:sns:eu-west-1:123456789012:" + chat);
        assertThat(RolePolicy.of(template).grants())
                .extracting(RolePolicy.Grant::action)
                .doesNotContain("sns:Publish");
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "FunctionName",
                        "incident-supervisor-events",
                        "Environment",
                        Map.of("Variables", Match.objectLike(Map.of("CHAT_TOPIC_ARN", Map.of("Ref", chat))))));
    }
}

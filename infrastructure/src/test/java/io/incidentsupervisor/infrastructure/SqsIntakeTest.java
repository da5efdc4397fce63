package io.incidentsupervisor.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** {@code -c intake=sqs}: SNS → the intake queue → the function, read from the synthesized template. */
class SqsIntakeTest {

    private final Template template = SynthesizedStack.sqsTemplate();

    @Test
    void theTopicDeliversToAnEncryptedQueueKeptFourteenDaysThatRedrivesToTheFailureQueueAfterFiveReceives() {
        template.resourceCountIs(
                "AWS::SQS::Queue", 3); // the intake queue, its dead letters, and the publisher's unpublished events
        template.hasResourceProperties(
                "AWS::SQS::Queue",
                Map.of(
                        "MessageRetentionPeriod",
                        1209600,
                        "SqsManagedSseEnabled",
                        true,
                        "RedrivePolicy",
                        Map.of(
                                "maxReceiveCount",
                                5,
                                "deadLetterTargetArn",
                                Map.of("Fn::GetAtt", List.of(logicalId("FailedAlerts"), "Arn")))));
        template.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of("Protocol", "sqs", "Endpoint", Map.of("Fn::GetAtt", List.of(logicalId("AlertQueue"), "Arn"))));
        template.resourcePropertiesCountIs("AWS::SNS::Subscription", Map.of("Protocol", "lambda"), 0);
        template.resourceCountIs("AWS::Lambda::EventInvokeConfig", 0);
        template.hasResourceProperties(
                "AWS::SQS::QueuePolicy",
                Match.objectLike(Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Action", "sqs:SendMessage",
                                        "Effect", "Allow",
                                        "Principal", Map.of("Service", "sns.amazonaws.com")))))))));
    }

    @Test
    void theQueuesVisibilityTimeoutIsAtLeastSixTimesTheFunctionsTimeout() {
        int functionTimeout =
                number(properties("AWS::Lambda::Function", "incident-supervisor", "FunctionName"), "Timeout");
        int visibility = number(properties("AWS::SQS::Queue", logicalId("AlertQueue")), "VisibilityTimeout");

        assertThat(functionTimeout).isEqualTo(60);
        assertThat(visibility).isGreaterThanOrEqualTo(6 * functionTimeout);
    }

    @Test
    void theMappingReportsPartialBatchFailuresWithTheChosenBatchWindowAndConcurrency() {
        template.resourcePropertiesCountIs(
                "AWS::Lambda::EventSourceMapping",
                Map.of("EventSourceArn", Map.of("Fn::GetAtt", List.of(logicalId("AlertQueue"), "Arn"))),
                1);
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of(
                        "FunctionResponseTypes",
                        List.of("ReportBatchItemFailures"),
                        "BatchSize",
                        5,
                        "MaximumBatchingWindowInSeconds",
                        0,
                        "ScalingConfig",
                        Map.of("MaximumConcurrency", 2),
                        "EventSourceArn",
                        Map.of("Fn::GetAtt", List.of(logicalId("AlertQueue"), "Arn"))));
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Map.of(
                        "FunctionName",
                        "incident-supervisor",
                        "Handler",
                        "io.incidentsupervisor.bootstrap.SqsLambdaEntry::handleRequest"));
    }

    @Test
    void anAlarmFiresWhenAnythingReachesTheDeadLetterQueue() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Map.of(
                        "MetricName",
                        "ApproximateNumberOfMessagesVisible",
                        "Namespace",
                        "AWS/SQS",
                        "Dimensions",
                        List.of(Map.of(
                                "Name",
                                "QueueName",
                                "Value",
                                Map.of("Fn::GetAtt", List.of(logicalId("FailedAlerts"), "QueueName")))),
                        "Threshold",
                        1,
                        "ComparisonOperator",
                        "GreaterThanOrEqualToThreshold"));
    }

    @Test
    void theRolesQueueGrantsAreExactlyWhatTheMappingsPollerUsesOnTheIntakeQueue() {
        String intakeQueue =
                "arn:aws:sqs:" + RolePolicy.REGION + ":" + RolePolicy.ACCOUNT + ":" + logicalId("AlertQueue");
        assertThat(RolePolicy.of(template).grants())
                .filteredOn(grant -> grant.action().startsWith("sqs:"))
                .containsExactlyInAnyOrder(
                        new RolePolicy.Grant("sqs:ReceiveMessage", intakeQueue),
                        new RolePolicy.Grant("sqs:DeleteMessage", intakeQueue),
                        new RolePolicy.Grant("sqs:GetQueueAttributes", intakeQueue));
    }

    @Test
    void aReservedConcurrencyBelowTheMappingsMaximumAndAnUnknownIntakeAreRefused() {
        assertThatThrownBy(() -> new StackConfig(
                        List.of("data-processor"),
                        List.of(SynthesizedStack.ACCOUNT_ROLE),
                        Optional.empty(),
                        Optional.of(1),
                        StackConfig.Intake.SQS,
                        StackConfig.DEFAULT_LAMBDA_JAR,
                        List.of(),
                        Optional.empty(),
                        false))
                .hasMessageStartingWith("reservedConcurrency: with intake=sqs give at least 2");
        assertThatThrownBy(() -> StackConfig.Intake.of("kinesis"))
                .hasMessage("intake: 'kinesis' is neither sns nor sqs");
        assertThat(StackConfig.Intake.of("SQS")).isEqualTo(StackConfig.Intake.SQS);
    }

    private String logicalId(String constructId) {
        return template.findResources("AWS::SQS::Queue").keySet().stream()
                .filter(id -> id.startsWith(constructId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no queue " + constructId));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String type, String value, String property) {
        return template.findResources(type).values().stream()
                .map(resource -> (Map<String, Object>) ((Map<String, Object>) resource).get("Properties"))
                .filter(properties -> value.equals(properties.get(property)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " with " + property + " " + value));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String type, String logicalId) {
        return (Map<String, Object>)
                ((Map<String, Object>) template.findResources(type).get(logicalId)).get("Properties");
    }

    private static int number(Map<String, Object> properties, String name) {
        return ((Number) properties.get(name)).intValue();
    }
}

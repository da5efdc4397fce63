package io.incidentsupervisor.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * SnapStart on the four functions (supervisor, recovery, MCP, lifecycle events), restored from a published version under the {@code live} alias, and every trigger (the
 * SNS subscription or the SQS mapping, the on-failure destination, the recovery schedule) on that alias, never on
 * {@code $LATEST}: read from the synthesized template for both intakes.
 */
class SnapStartTest {

    @ParameterizedTest
    @ValueSource(strings = {"sns", "sqs"})
    void everyFunctionSnapStartsOnPublishedVersionsUnderTheLiveAlias(String intake) {
        Template template = template(intake);

        template.resourcePropertiesCountIs(
                "AWS::Lambda::Function", Map.of("SnapStart", Map.of("ApplyOn", "PublishedVersions")), 4);
        template.resourceCountIs("AWS::Lambda::Version", 4);
        template.resourceCountIs("AWS::Lambda::Alias", 4);
        for (String function : List.of("SupervisorFunction", "RecoveryFunction", "McpFunction", "EventsFunction")) {
            String version = versionOf(template, function);
            template.hasResourceProperties(
                    "AWS::Lambda::Alias",
                    Map.of(
                            "Name",
                            "live",
                            "FunctionName",
                            Map.of("Ref", logicalId(template, "AWS::Lambda::Function", function)),
                            "FunctionVersion",
                            Map.of("Fn::GetAtt", List.of(version, "Version"))));
        }
    }

    @Test
    void snsDeliversToTheAliasAndItsFailuresGoToTheFailureQueue() {
        Template template = template("sns");
        String alias = alias(template, "SupervisorLive");

        template.hasResourceProperties(
                "AWS::SNS::Subscription", Map.of("Protocol", "lambda", "Endpoint", Map.of("Ref", alias)));
        template.hasResourceProperties(
                "AWS::Lambda::Permission",
                Map.of(
                        "Action",
                        "lambda:InvokeFunction",
                        "FunctionName",
                        Map.of("Ref", alias),
                        "Principal",
                        "sns.amazonaws.com"));
        // The qualifier is the alias's name, taken from its ARN.
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Map.of(
                        "Qualifier",
                        aliasArnPart(template, 7),
                        "DestinationConfig",
                        Map.of(
                                "OnFailure",
                                Map.of("Destination", Map.of("Fn::GetAtt", List.of(failedAlerts(template), "Arn"))))));
        template.resourcePropertiesCountIs("AWS::Lambda::Permission", Map.of("Principal", "sns.amazonaws.com"), 1);
    }

    @Test
    void theSqsMappingInvokesTheAlias() {
        Template template = template("sqs");

        // The function's name (from the alias's ARN) qualified by the alias.
        template.hasResourceProperties(
                "AWS::Lambda::EventSourceMapping",
                Map.of("FunctionName", Map.of("Fn::Join", List.of("", List.of(aliasArnPart(template, 6), ":live")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sns", "sqs"})
    void theRecoveryScheduleInvokesTheRecoveryAlias(String intake) {
        Template template = template(intake);
        String alias = alias(template, "RecoveryLive");

        template.hasResourceProperties(
                "AWS::Events::Rule", Map.of("Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Ref", alias))))));
        template.hasResourceProperties(
                "AWS::Lambda::Permission",
                Map.of("FunctionName", Map.of("Ref", alias), "Principal", "events.amazonaws.com"));
        template.resourcePropertiesCountIs("AWS::Lambda::Permission", Map.of("Principal", "events.amazonaws.com"), 1);
    }

    private static Template template(String intake) {
        return intake.equals("sqs") ? SynthesizedStack.sqsTemplate() : SynthesizedStack.template();
    }

    /** Part {@code index} of the supervisor alias's ARN (arn:aws:lambda:region:account:function:name:alias). */
    private static Map<String, Object> aliasArnPart(Template template, int index) {
        return Map.of(
                "Fn::Select",
                List.of(index, Map.of("Fn::Split", List.of(":", Map.of("Ref", alias(template, "SupervisorLive"))))));
    }

    private static String failedAlerts(Template template) {
        return logicalId(template, "AWS::SQS::Queue", "FailedAlerts");
    }

    private static String alias(Template template, String id) {
        return logicalId(template, "AWS::Lambda::Alias", id);
    }

    private static String versionOf(Template template, String function) {
        Map<String, Map<String, Object>> versions = template.findResources(
                "AWS::Lambda::Version",
                Map.of(
                        "Properties",
                        Map.of("FunctionName", Map.of("Ref", logicalId(template, "AWS::Lambda::Function", function)))));
        assertThat(versions).as("the published versions of " + function).hasSize(1);
        return versions.keySet().iterator().next();
    }

    private static String logicalId(Template template, String type, String constructId) {
        List<String> ids = template.findResources(type).keySet().stream()
                .filter(id -> id.startsWith(constructId))
                .toList();
        assertThat(ids).as(type + " " + constructId).hasSize(1);
        return ids.get(0);
    }
}

package io.incidentsupervisor.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The topic the stack creates: encrypted, TLS only, and published to by the supervised roles alone. */
class AlertTopicTest {

    private final Template template = SynthesizedStack.template();

    @Test
    void theTopicIsEncryptedWithSnssManagedKey() {
        template.hasResourceProperties(
                "AWS::SNS::Topic",
                Map.of(
                        "KmsMasterKeyId",
                        Map.of(
                                "Fn::Join",
                                List.of(
                                        "",
                                        List.of(
                                                "arn:",
                                                Map.of("Ref", "AWS::Partition"),
                                                ":kms:",
                                                Map.of("Ref", "AWS::Region"),
                                                ":",
                                                Map.of("Ref", "AWS::AccountId"),
                                                ":alias/aws/sns")))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlyTheSupervisedRolesMayPublishAndOnlyOverTls() {
        List<Map<String, Object>> statements = template.findResources("AWS::SNS::TopicPolicy").values().stream()
                .map(policy -> (Map<String, Object>) ((Map<String, Object>) policy).get("Properties"))
                .filter(properties -> properties.get("Topics").toString().contains("AlertTopic"))
                .map(properties -> (Map<String, Object>) properties.get("PolicyDocument"))
                .flatMap(document -> ((List<Map<String, Object>>) document.get("Statement")).stream())
                .toList();

        assertThat(statements)
                .filteredOn(statement -> "Allow".equals(statement.get("Effect")))
                .singleElement()
                .satisfies(allow -> {
                    assertThat(allow.get("Action")).isEqualTo("sns:Publish");
                    assertThat(allow.get("Principal")).isEqualTo(Map.of("AWS", SynthesizedStack.ACCOUNT_ROLE));
                });
        assertThat(statements)
                .filteredOn(statement -> "Deny".equals(statement.get("Effect")))
                .extracting(statement -> statement.get("Condition"))
                .containsExactlyInAnyOrder(
                        Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", List.of(SynthesizedStack.ACCOUNT_ROLE))),
                        Map.of("Bool", Map.of("aws:SecureTransport", "false")));
        assertThat(statements)
                .filteredOn(statement -> "Deny".equals(statement.get("Effect")))
                .allSatisfy(deny -> assertThat(deny.get("Principal")).isIn("*", Map.of("AWS", "*")));
    }

    @Test
    void rejectedAlertsExpire() {
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Map.of(
                        "TableName",
                        "incident-supervisor-rejected-alerts",
                        "TimeToLiveSpecification",
                        Map.of("AttributeName", "expiresAt", "Enabled", true)));
        template.resourcePropertiesCountIs(
                "AWS::DynamoDB::Table", Map.of("TimeToLiveSpecification", Match.anyValue()), 3);
    }
}

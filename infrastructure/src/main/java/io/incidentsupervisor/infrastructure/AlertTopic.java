package io.incidentsupervisor.infrastructure;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.iam.AnyPrincipal;
import software.amazon.awscdk.services.iam.ArnPrincipal;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IPrincipal;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.kms.Alias;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * The topic alerts arrive on. An existing one ({@code alertTopicArn}) is used as it is (docs/security.md says what its
 * policy should allow); a new one is encrypted, takes TLS only, and takes {@code sns:Publish} from the supervised
 * functions' roles only.
 */
final class AlertTopic {

    /**
     * SNS's AWS managed key: free, and enough because the publishers are IAM roles of this account. A service principal
     * (CloudWatch alarms, EventBridge) cannot use an AWS managed key; publishing from one would need a key of the stack's
     * own, with a key policy naming that service.
     */
    static final String KEY_ALIAS = "alias/aws/sns";

    private AlertTopic() {}

    static ITopic of(Construct scope, StackConfig config) {
        if (config.alertTopicArn().isPresent()) {
            return Topic.fromTopicArn(
                    scope, "AlertTopic", config.alertTopicArn().get());
        }
        Topic topic = Topic.Builder.create(scope, "AlertTopic")
                .displayName("incident-supervisor alerts")
                .masterKey(Alias.fromAliasName(scope, "AlertTopicKey", KEY_ALIAS))
                .enforceSsl(true)
                .build();
        List<IPrincipal> roles = config.supervisedRoleArns().stream()
                .map(arn -> (IPrincipal) new ArnPrincipal(arn))
                .toList();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("SupervisedRolesPublish")
                .principals(roles)
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .build());
        // An allow adds to what IAM already grants in the account; only a deny makes the roles the only publishers.
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("NoOtherPublisher")
                .effect(Effect.DENY)
                .principals(List.of(new AnyPrincipal()))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of("ArnNotEquals", Map.of("aws:PrincipalArn", config.supervisedRoleArns())))
                .build());
        return topic;
    }
}

package io.incidentsupervisor.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Template;

/**
 * What the Lambda service itself does with the function's role, read from the template: an SQS event source mapping's
 * poller receives, deletes and reads the queue's attributes (AWS's "Using Lambda with Amazon SQS"); an asynchronous
 * invocation's on-failure destination sends, with the two reads CDK's {@code SqsDestination} grants beside it.
 */
final class LambdaPlatform {

    private static final List<String> POLLER =
            List.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
    private static final List<String> DESTINATION =
            List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl");

    private LambdaPlatform() {}

    @SuppressWarnings("unchecked")
    static List<RequiredPermissions.Permission> requires(Template template) {
        List<RequiredPermissions.Permission> required = new ArrayList<>();
        for (Object mapping :
                template.findResources("AWS::Lambda::EventSourceMapping").values()) {
            Object queue = properties(mapping).get("EventSourceArn");
            for (String action : POLLER) {
                required.add(new RequiredPermissions.Permission(
                        action, RolePolicy.arn(template, queue), "Lambda: the event source mapping"));
            }
        }
        for (Object config :
                template.findResources("AWS::Lambda::EventInvokeConfig").values()) {
            Map<String, Object> destinations =
                    (Map<String, Object>) properties(config).get("DestinationConfig");
            Object queue = ((Map<String, Object>) destinations.get("OnFailure")).get("Destination");
            for (String action : DESTINATION) {
                required.add(new RequiredPermissions.Permission(
                        action, RolePolicy.arn(template, queue), "Lambda: the on-failure destination"));
            }
        }
        return required;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
    }
}

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

    /** The stream poller's reads (AWS's "Using Lambda with DynamoDB": the execution role's permissions). */
    private static final List<String> STREAM_POLLER = List.of(
            "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams");

    private LambdaPlatform() {}

    /** What the Lambda service does with the supervisor functions' role: the intake queue's mapping, the destination. */
    @SuppressWarnings("unchecked")
    static List<RequiredPermissions.Permission> requires(Template template) {
        List<RequiredPermissions.Permission> required = new ArrayList<>();
        for (Object mapping :
                template.findResources("AWS::Lambda::EventSourceMapping").values()) {
            if (isStream(template, mapping)) {
                continue;
            }
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

    /**
     * What the Lambda service does with the publisher's role: the event table stream's mapping reads the stream, and
     * sends what ages out of it to the mapping's on-failure queue.
     */
    @SuppressWarnings("unchecked")
    static List<RequiredPermissions.Permission> streamRequires(Template template) {
        List<RequiredPermissions.Permission> required = new ArrayList<>();
        for (Object mapping :
                template.findResources("AWS::Lambda::EventSourceMapping").values()) {
            if (!isStream(template, mapping)) {
                continue;
            }
            String stream = RolePolicy.arn(template, properties(mapping).get("EventSourceArn"));
            for (String action : STREAM_POLLER) {
                required.add(new RequiredPermissions.Permission(
                        action, action.endsWith("ListStreams") ? "*" : stream, "Lambda: the stream's mapping"));
            }
            Map<String, Object> destinations =
                    (Map<String, Object>) properties(mapping).get("DestinationConfig");
            Object queue = ((Map<String, Object>) destinations.get("OnFailure")).get("Destination");
            for (String action : DESTINATION) {
                required.add(new RequiredPermissions.Permission(
                        action, RolePolicy.arn(template, queue), "Lambda: the stream mapping's on-failure queue"));
            }
        }
        return required;
    }

    private static boolean isStream(Template template, Object mapping) {
        return RolePolicy.arn(template, properties(mapping).get("EventSourceArn"))
                .contains(":dynamodb:");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Object resource) {
        return (Map<String, Object>) ((Map<String, Object>) resource).get("Properties");
    }
}

package io.incidentsupervisor.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;

/**
 * What IAM authorises for a recorded call: the action and the ARN of the resource, as AWS evaluates them (a DynamoDB
 * transaction as its parts, an index query on the index ARN, a log group with its {@code :*} suffix).
 */
final class RequiredPermissions {

    /** One action on one resource ARN, and the call it came from. */
    record Permission(String action, String resource, String call) {}

    private final Map<String, String> roleArnsByName;

    /** @param roleArnsByName IAM requests name a role; its ARN (with its path) is what IAM authorises against */
    RequiredPermissions(Map<String, String> roleArnsByName) {
        this.roleArnsByName = roleArnsByName;
    }

    List<Permission> of(AwsCallRecorder.AwsCall call) {
        String region = RolePolicy.REGION;
        String account = RolePolicy.ACCOUNT;
        String name = call.service() + "." + call.operation();
        List<Permission> required = new ArrayList<>();
        switch (call.service().toLowerCase(java.util.Locale.ROOT)) {
            case "dynamodb" -> {
                if (call.request() instanceof TransactWriteItemsRequest transaction) {
                    for (TransactWriteItem item : transaction.transactItems()) {
                        if (item.put() != null) {
                            required.add(new Permission(
                                    "dynamodb:PutItem", table(item.put().tableName()), name));
                        }
                        if (item.update() != null) {
                            required.add(new Permission(
                                    "dynamodb:UpdateItem", table(item.update().tableName()), name));
                        }
                        if (item.conditionCheck() != null) {
                            required.add(new Permission(
                                    "dynamodb:ConditionCheckItem",
                                    table(item.conditionCheck().tableName()),
                                    name));
                        }
                        if (item.delete() != null) {
                            required.add(new Permission(
                                    "dynamodb:DeleteItem", table(item.delete().tableName()), name));
                        }
                    }
                } else {
                    String table = table(call.request()
                            .getValueForField("TableName", String.class)
                            .orElse("*"));
                    String index = call.request()
                            .getValueForField("IndexName", String.class)
                            .orElse(null);
                    required.add(new Permission(
                            "dynamodb:" + call.operation(), index == null ? table : table + "/index/" + index, name));
                }
            }
            case "lambda" ->
                required.add(new Permission(
                        "lambda:" + call.operation(),
                        "arn:aws:lambda:" + region + ":" + account + ":function:"
                                + call.request()
                                        .getValueForField("FunctionName", String.class)
                                        .orElse("*"),
                        name));
            case "iam" -> {
                String role = call.request()
                        .getValueForField("RoleName", String.class)
                        .orElse("*");
                // A policy's calls are authorised on the policy, the simulator's on the principal it simulates.
                String resource = call.request()
                        .getValueForField("PolicyArn", String.class)
                        .or(() -> call.request().getValueForField("PolicySourceArn", String.class))
                        .orElseGet(
                                () -> roleArnsByName.getOrDefault(role, "arn:aws:iam::" + account + ":role/" + role));
                required.add(new Permission("iam:" + call.operation(), resource, name));
            }
            case "cloudwatchlogs" -> {
                String group = call.request()
                        .getValueForField("logGroupName", String.class)
                        .orElseGet(() -> call.request()
                                .getValueForField("logGroupNamePrefix", String.class)
                                .map(prefix -> prefix + "*")
                                .orElse("*"));
                required.add(new Permission(
                        "logs:" + call.operation(),
                        "arn:aws:logs:" + region + ":" + account + ":log-group:" + group + ":*",
                        name));
            }
            // The bucket-policy read, on the bucket.
            case "s3" ->
                required.add(new Permission(
                        "s3:" + call.operation(),
                        "arn:aws:s3:::"
                                + call.request()
                                        .getValueForField("Bucket", String.class)
                                        .orElse("*"),
                        name));
            // Publish is authorised on the topic.
            case "sns" ->
                required.add(new Permission(
                        "sns:" + call.operation(),
                        call.request()
                                .getValueForField("TopicArn", String.class)
                                .orElse("*"),
                        name));
            // PutEvents is authorised on each entry's bus.
            case "eventbridge" -> {
                if (call.request() instanceof PutEventsRequest put) {
                    put.entries().stream()
                            .map(entry -> entry.eventBusName().startsWith("arn:")
                                    ? entry.eventBusName()
                                    : "arn:aws:events:" + region + ":" + account + ":event-bus/" + entry.eventBusName())
                            .distinct()
                            .forEach(bus -> required.add(new Permission("events:" + call.operation(), bus, name)));
                }
            }
            default ->
                required.add(new Permission(
                        call.service().toLowerCase(java.util.Locale.ROOT) + ":" + call.operation(), "*", name));
        }
        return required;
    }

    private static String table(String name) {
        return "arn:aws:dynamodb:" + RolePolicy.REGION + ":" + RolePolicy.ACCOUNT + ":table/" + name;
    }
}

package io.incidentsupervisor.infrastructure;

import io.incidentsupervisor.bootstrap.Settings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Node;

/**
 * What an operator chooses at deployment, as CDK context ({@code cdk deploy -c key=value}): the supervised functions
 * and their roles, an existing alert topic, reserved concurrency, how alerts reach the function, where the Lambda jar
 * is, who may call the MCP endpoint (none by default: its URL answers 403 to everyone until principals are named), and
 * the bus lifecycle events go to (by default one the stack creates), and whether they also go to a chat topic.
 */
record StackConfig(
        List<String> supervisedFunctions,
        List<String> supervisedRoleArns,
        Optional<String> alertTopicArn,
        Optional<Integer> reservedConcurrency,
        Intake intake,
        String lambdaJar,
        List<String> mcpPrincipals,
        Optional<String> eventBusArn,
        boolean chatTopic) {

    /** How alerts reach the function: straight from the topic, or through a queue ({@link SqsIntake}). */
    enum Intake {
        SNS,
        SQS;

        static Intake of(String value) {
            for (Intake intake : values()) {
                if (intake.name().equalsIgnoreCase(value)) {
                    return intake;
                }
            }
            throw new IllegalArgumentException("intake: '" + value + "' is neither sns nor sqs");
        }
    }

    static final String DEFAULT_LAMBDA_JAR = "../bootstrap/target/incident-supervisor-lambda.jar";

    StackConfig {
        if (supervisedFunctions.isEmpty()) {
            throw new IllegalArgumentException("supervisedFunctions: name at least one function to supervise");
        }
        if (supervisedRoleArns.size() != supervisedFunctions.size()) {
            throw new IllegalArgumentException(
                    "supervisedRoleArns: give one execution-role ARN per supervised function, in the same order ("
                            + supervisedFunctions.size() + " functions, " + supervisedRoleArns.size() + " roles)");
        }
        for (String arn : supervisedRoleArns) {
            if (!arn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
                throw new IllegalArgumentException("supervisedRoleArns: '" + arn + "' is not an IAM role ARN");
            }
        }
        if (intake == Intake.SQS
                && reservedConcurrency
                        .filter(n -> n < SqsIntake.MAX_CONCURRENCY)
                        .isPresent()) {
            throw new IllegalArgumentException("reservedConcurrency: with intake=sqs give at least "
                    + SqsIntake.MAX_CONCURRENCY + " (the queue mapping's maximum concurrency) or none");
        }
        eventBusArn.ifPresent(arn -> {
            if (!arn.matches("arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/[A-Za-z0-9._\\-/]+")) {
                throw new IllegalArgumentException("eventBusArn: '" + arn + "' is not an EventBridge event bus ARN");
            }
        });
        for (String principal : mcpPrincipals) {
            if (!principal.matches("\\d{12}|arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+")) {
                throw new IllegalArgumentException(
                        "mcpPrincipals: '" + principal + "' is neither an account id nor an IAM role or user ARN");
            }
        }
        settingsFor(supervisedFunctions);
    }

    /** The service's settings for these functions: its start-up checks apply, and its defaults name the tables. */
    Settings settings() {
        return settingsFor(supervisedFunctions);
    }

    private static Settings settingsFor(List<String> functions) {
        return Settings.from(Map.of("AWS_REGION", "us-east-1", "SUPERVISED_FUNCTIONS", String.join(",", functions)));
    }

    static StackConfig fromContext(Node node) {
        return new StackConfig(
                list(node.tryGetContext("supervisedFunctions"), "data-processor"),
                list(
                        node.tryGetContext("supervisedRoleArns"),
                        "arn:aws:iam::123456789012:role/service-role/data-processor-role"),
                Optional.ofNullable((String) node.tryGetContext("alertTopicArn")),
                Optional.ofNullable(node.tryGetContext("reservedConcurrency"))
                        .map(value -> Integer.valueOf(value.toString())),
                Intake.of(Optional.ofNullable((String) node.tryGetContext("intake"))
                        .orElse("sns")),
                Optional.ofNullable((String) node.tryGetContext("lambdaJar")).orElse(DEFAULT_LAMBDA_JAR),
                list(node.tryGetContext("mcpPrincipals"), ""),
                Optional.ofNullable((String) node.tryGetContext("eventBusArn")),
                "true".equals(String.valueOf(node.tryGetContext("chatTopic"))));
    }

    private static List<String> list(Object value, String fallback) {
        String text = value == null ? fallback : value.toString();
        return Arrays.stream(text.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}

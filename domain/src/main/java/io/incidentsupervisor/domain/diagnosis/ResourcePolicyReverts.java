package io.incidentsupervisor.domain.diagnosis;

import io.incidentsupervisor.domain.model.Text;

/** The command that puts a resource-based policy back, per service, and the file it names. */
final class ResourcePolicyReverts {

    private ResourcePolicyReverts() {}

    static String command(String resourceArn) {
        String[] parts = resourceArn.split(":", 6);
        if (parts.length < 6) {
            return "";
        }
        String region = parts[3];
        String account = parts[4];
        String name = parts[5];
        return switch (parts[2]) {
            case "s3" -> "aws s3api put-bucket-policy --bucket " + name + " --policy file://bucket-policy.json";
            case "kms" ->
                "aws kms put-key-policy --key-id " + resourceArn
                        + " --policy-name default --policy file://key-policy.json";
            case "sqs" ->
                "aws sqs set-queue-attributes --queue-url https://sqs." + region + ".amazonaws.com/" + account + "/"
                        + name + " --attributes file://queue-attributes.json";
            case "sns" ->
                "aws sns set-topic-attributes --topic-arn " + resourceArn
                        + " --attribute-name Policy --attribute-value file://topic-policy.json";
            default -> "";
        };
    }

    /** The file the command names: the policy itself, or for SQS the attributes object that carries it as a string. */
    static String document(String resourceArn, String policy) {
        return resourceArn.startsWith("arn:aws:sqs:") && !policy.isEmpty()
                ? "{\"Policy\":" + Text.jsonLiteral(policy) + "}"
                : policy;
    }
}

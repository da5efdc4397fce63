package io.incidentsupervisor.adapter.aws.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentsupervisor.adapter.aws.diagnosis.CloudTrailLookups.Recorded;
import io.incidentsupervisor.domain.diagnosis.Policy;
import java.util.Set;

/**
 * Where each service records a change to a resource's own policy, under which resource name, and where the event holds
 * the new policy: S3's {@code PutBucketPolicy} (an object) and {@code DeleteBucketPolicy}, KMS's {@code PutKeyPolicy},
 * SQS's {@code SetQueueAttributes} with a {@code Policy}, SNS's {@code SetTopicAttributes} of {@code Policy}, Lambda's
 * {@code AddPermission} and {@code RemovePermission} (one statement each, so no whole policy).
 */
enum ResourcePolicyEvents {
    S3("arn:aws:s3:::", "s3.amazonaws.com", Set.of("PutBucketPolicy", "DeleteBucketPolicy")),
    KMS("arn:aws:kms:", "kms.amazonaws.com", Set.of("PutKeyPolicy")),
    SQS("arn:aws:sqs:", "sqs.amazonaws.com", Set.of("SetQueueAttributes")),
    SNS("arn:aws:sns:", "sns.amazonaws.com", Set.of("SetTopicAttributes")),
    LAMBDA("arn:aws:lambda:", "lambda.amazonaws.com", Set.of("AddPermission", "RemovePermission"));

    private final String arnPrefix;
    private final String source;

    @SuppressWarnings("ImmutableEnumChecker") // Set.of: unmodifiable
    private final Set<String> names;

    ResourcePolicyEvents(String arnPrefix, String source, Set<String> names) {
        this.arnPrefix = arnPrefix;
        this.source = source;
        this.names = names;
    }

    /** The service of a resource's ARN, or null for one whose policy history is not read. */
    static ResourcePolicyEvents of(String resourceArn) {
        for (ResourcePolicyEvents kind : values()) {
            if (resourceArn.startsWith(kind.arnPrefix)) {
                return kind;
            }
        }
        return null;
    }

    String source() {
        return source;
    }

    Set<String> names() {
        return names;
    }

    /** The name CloudTrail indexes the resource under: a bucket's or function's name, else the ARN. */
    String resourceName(String resourceArn) {
        return switch (this) {
            case S3 -> resourceArn.substring(arnPrefix.length());
            case LAMBDA -> resourceArn.substring(resourceArn.lastIndexOf(':') + 1);
            case KMS, SQS, SNS -> resourceArn;
        };
    }

    /** Whether the event changed the policy (SQS and SNS also record other attributes under the same names). */
    boolean concernsPolicy(JsonNode request) {
        return switch (this) {
            case SQS -> request.path("attributes").has("Policy");
            case SNS -> "Policy".equals(request.path("attributeName").asText());
            case S3, KMS, LAMBDA -> true;
        };
    }

    /** The policy the event put in place, or null when it removed it or holds no whole policy. */
    Policy policy(String resourceArn, Recorded recorded) {
        JsonNode request = recorded.request();
        String document = switch (this) {
            case S3 ->
                request.path("bucketPolicy").isObject()
                        ? request.path("bucketPolicy").toString()
                        : "";
            case KMS -> CloudTrailChangeHistory.text(request, "policy", "");
            case SQS -> request.path("attributes").path("Policy").asText("");
            case SNS -> CloudTrailChangeHistory.text(request, "attributeValue", "");
            case LAMBDA -> "";
        };
        return document.isEmpty() ? null : PolicyDocuments.parse(Policy.Kind.MANAGED, resourceArn, document);
    }
}

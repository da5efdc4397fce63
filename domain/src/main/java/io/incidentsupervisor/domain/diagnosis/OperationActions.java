package io.incidentsupervisor.domain.diagnosis;

import java.util.Locale;
import java.util.Map;

/**
 * The IAM action an API operation needs, for denial messages that name only the operation (S3's bare {@code Access
 * Denied}: "when calling the GetObject operation"). Operations whose action differs from their name are listed; any
 * other maps to {@code service:Operation}.
 */
public final class OperationActions {

    private static final Map<String, String> S3 = Map.ofEntries(
            Map.entry("GetObject", "s3:GetObject"),
            Map.entry("HeadObject", "s3:GetObject"),
            Map.entry("GetObjectAttributes", "s3:GetObject"),
            Map.entry("SelectObjectContent", "s3:GetObject"),
            Map.entry("ListObjects", "s3:ListBucket"),
            Map.entry("ListObjectsV2", "s3:ListBucket"),
            Map.entry("HeadBucket", "s3:ListBucket"),
            Map.entry("ListObjectVersions", "s3:ListBucketVersions"),
            Map.entry("PutObject", "s3:PutObject"),
            Map.entry("CopyObject", "s3:PutObject"),
            Map.entry("CreateMultipartUpload", "s3:PutObject"),
            Map.entry("UploadPart", "s3:PutObject"),
            Map.entry("CompleteMultipartUpload", "s3:PutObject"),
            Map.entry("DeleteObject", "s3:DeleteObject"),
            Map.entry("DeleteObjects", "s3:DeleteObject"),
            Map.entry("GetObjectTagging", "s3:GetObjectTagging"),
            Map.entry("PutObjectTagging", "s3:PutObjectTagging"));

    /** Services whose alerts name them in their {@code error_type}, by the word used there. */
    private static final Map<String, String> SERVICE_WORDS = Map.ofEntries(
            Map.entry("s3", "s3"),
            Map.entry("dynamodb", "dynamodb"),
            Map.entry("sqs", "sqs"),
            Map.entry("sns", "sns"),
            Map.entry("kms", "kms"),
            Map.entry("secretsmanager", "secretsmanager"),
            Map.entry("sts", "sts"),
            Map.entry("cloudwatch", "logs"),
            Map.entry("logs", "logs"),
            Map.entry("lambda", "lambda"),
            Map.entry("eventbridge", "events"),
            Map.entry("events", "events"));

    private OperationActions() {}

    /**
     * The action for {@code operation}; {@code errorType} (such as {@code S3AccessError}) names the service when the
     * operation alone does not.
     */
    public static String actionFor(String operation, String errorType) {
        String known = S3.get(operation);
        if (known != null) {
            return known;
        }
        return serviceOf(errorType) + ":" + operation;
    }

    /** The IAM service prefix an error type names, or {@code unknown}. */
    public static String serviceOf(String errorType) {
        String lower = errorType == null ? "" : errorType.toLowerCase(Locale.ROOT);
        String found = "unknown";
        int foundAt = Integer.MAX_VALUE;
        for (Map.Entry<String, String> word : SERVICE_WORDS.entrySet()) {
            int at = lower.indexOf(word.getKey());
            // The earliest word wins; at the same place, the longer one ("cloudwatch" over a shorter word inside it).
            if (at >= 0 && (at < foundAt || (at == foundAt && word.getValue().length() > found.length()))) {
                found = word.getValue();
                foundAt = at;
            }
        }
        return found;
    }
}

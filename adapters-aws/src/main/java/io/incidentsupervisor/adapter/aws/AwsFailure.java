package io.incidentsupervisor.adapter.aws;

import io.incidentsupervisor.domain.model.CollectorError;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The one reading of an AWS SDK failure: its {@link Kind}, AWS's own error code and message, and the permission that was
 * missing when AWS named it. IAM and Lambda report AccessDenied through their base exception types, so the error code
 * decides, never the exception class.
 */
public record AwsFailure(Kind kind, String code, String message, String missingPermission) {

    /** What kind of failure it is, and whether trying again may help. */
    public enum Kind {
        ACCESS_DENIED("AccessDenied", false),
        NOT_FOUND("NotFound", false),
        THROTTLED("Throttled", true),
        SERVICE_UNAVAILABLE("ServiceUnavailable", true),
        TIMEOUT("Timeout", true),
        UNREACHABLE("Unreachable", true),
        /** AWS refused the request for another reason (a validation error, a conflict it will not resolve). */
        FAILED("Failed", false);

        private final String label;
        private final boolean retryable;

        Kind(String label, boolean retryable) {
            this.label = label;
            this.retryable = retryable;
        }

        /** The word recorded in events and shown to agents. */
        public String label() {
            return label;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied",
            "AccessDeniedException",
            "UnauthorizedOperation",
            "UnrecognizedClientException",
            "KMSAccessDeniedException");
    private static final Set<String> NOT_FOUND = Set.of(
            "NoSuchEntity", "ResourceNotFoundException", "NotFoundException", "NoSuchBucketPolicy", "NoSuchBucket");
    /** AWS's wording: "… is not authorized to perform: iam:ListAttachedRolePolicies on resource: …". */
    private static final Pattern MISSING_PERMISSION =
            Pattern.compile("not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9*]+)");

    public static AwsFailure of(SdkException failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            // A response without an error body (a bare 404 from a proxy) has no code; Set.of(...).contains(null)
            // throws.
            String code = Objects.requireNonNullElse(service.awsErrorDetails().errorCode(), "");
            String message = service.awsErrorDetails().errorMessage();
            return new AwsFailure(kind(code, service), code, message, missingPermission(message));
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return new AwsFailure(
                    Kind.TIMEOUT,
                    failure.getClass().getSimpleName().replace("Exception", ""),
                    failure.getMessage(),
                    "");
        }
        if (failure instanceof AwsServiceException service) {
            return new AwsFailure(kind("", service), "", failure.getMessage(), "");
        }
        return new AwsFailure(Kind.UNREACHABLE, failure.getClass().getSimpleName(), failure.getMessage(), "");
    }

    /** As a collector's result records it. */
    public CollectorError toCollectorError() {
        return new CollectorError(kind.label(), code, message, missingPermission);
    }

    private static Kind kind(String code, AwsServiceException service) {
        if (ACCESS_DENIED.contains(code)) {
            return Kind.ACCESS_DENIED;
        }
        if (NOT_FOUND.contains(code)) {
            return Kind.NOT_FOUND;
        }
        // The SDK's own rule: the throttling error codes of every service, and HTTP 429.
        if (service.isThrottlingException()) {
            return Kind.THROTTLED;
        }
        return service.statusCode() >= 500 ? Kind.SERVICE_UNAVAILABLE : Kind.FAILED;
    }

    private static String missingPermission(String message) {
        if (message == null) {
            return "";
        }
        Matcher matcher = MISSING_PERMISSION.matcher(message);
        return matcher.find() ? matcher.group(1) : "";
    }
}

package io.incidentsupervisor.adapter.aws.collector;

import io.incidentsupervisor.domain.model.CollectorError;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns any SDK failure into a structured collector error. IAM and Lambda report AccessDenied through their base
 * exception types, so the error code decides, never the exception class.
 */
final class AwsErrors {

    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied",
            "AccessDeniedException",
            "UnauthorizedOperation",
            "UnrecognizedClientException",
            "KMSAccessDeniedException");
    private static final Set<String> NOT_FOUND =
            Set.of("NoSuchEntity", "ResourceNotFoundException", "NotFoundException");
    /** AWS's wording: "… is not authorized to perform: iam:ListAttachedRolePolicies on resource: …". */
    private static final Pattern MISSING_PERMISSION =
            Pattern.compile("not authorized to perform: ([A-Za-z0-9-]+:[A-Za-z0-9*]+)");

    private AwsErrors() {}

    static CollectorError toCollectorError(SdkException failure) {
        if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String code = service.awsErrorDetails().errorCode();
            String message = service.awsErrorDetails().errorMessage();
            return new CollectorError(kind(code, service), code, message, missingPermission(message));
        }
        if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
            return new CollectorError(
                    "Timeout", failure.getClass().getSimpleName().replace("Exception", ""), failure.getMessage());
        }
        return new CollectorError("Unreachable", failure.getClass().getSimpleName(), failure.getMessage());
    }

    private static String kind(String code, AwsServiceException service) {
        if (ACCESS_DENIED.contains(code)) {
            return "AccessDenied";
        }
        if (NOT_FOUND.contains(code)) {
            return "NotFound";
        }
        // The SDK's own rule (error codes of every service, and HTTP 429), the same one AwsFailureClassifier uses.
        if (service.isThrottlingException()) {
            return "Throttled";
        }
        return service.statusCode() >= 500 ? "ServiceUnavailable" : "Failed";
    }

    private static String missingPermission(String message) {
        if (message == null) {
            return "";
        }
        Matcher matcher = MISSING_PERMISSION.matcher(message);
        return matcher.find() ? matcher.group(1) : "";
    }
}

package io.incidentsupervisor.domain.model;

import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.DenialParser;
import io.incidentsupervisor.domain.diagnosis.DenialReason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What makes two alerts the same failure, the one home of that rule: the same function, the same error type and, where
 * the message states a denial, the same denied action and resource and the same reason given for it (its first
 * denial). The reason counts because a denial by another kind of policy has another cause, and so another verdict.
 * Alerts of one failure are occurrences of one incident while its episode is open ({@link EpisodeWindow}).
 */
public record FailureSignature(
        String lambdaName, String errorType, String deniedAction, String deniedResource, String deniedBecause) {

    public FailureSignature {
        Objects.requireNonNull(lambdaName, "lambdaName");
        Objects.requireNonNull(errorType, "errorType");
        deniedAction = deniedAction == null ? "" : deniedAction;
        deniedResource = deniedResource == null ? "" : deniedResource;
        deniedBecause = deniedBecause == null ? "" : deniedBecause;
    }

    /** The failure an alert reports. */
    public static FailureSignature of(IncidentAlert alert) {
        List<Denial> denials = DenialParser.parse(alert.errorMessage(), alert.errorType());
        Denial first = denials.isEmpty() ? null : denials.get(0);
        return new FailureSignature(
                alert.lambdaName(),
                alert.errorType(),
                first == null ? "" : first.action(),
                first == null ? "" : first.resource(),
                first == null ? "" : because(first.reason()));
    }

    /** The reason in words, as "explicit resource-based policy"; empty when the message gives none. */
    private static String because(DenialReason reason) {
        if (reason.equals(DenialReason.UNKNOWN)) {
            return "";
        }
        String words = reason.effect().name().toLowerCase(Locale.ROOT)
                + ' '
                + reason.policyType().words();
        return reason.policyArn().isEmpty() ? words : words + ' ' + reason.policyArn();
    }

    /**
     * A key of bounded length that names this failure: the function, then a digest of the rest (a resource alone may
     * run to 2,048 characters).
     */
    public String key() {
        String rest = errorType + '\n' + deniedAction + '\n' + deniedResource + '\n' + deniedBecause;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rest.getBytes(StandardCharsets.UTF_8));
            return lambdaName + '#' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}

package io.incidentsupervisor.domain.diagnosis;

import java.util.Objects;

/**
 * One request AWS denied: who asked ({@code principal}, and the role behind it when it is one), the IAM action, the
 * resource (empty when the message does not name it), why, and where it was read: {@code alert} for the alert's
 * message, or the id of the evidence (a log line such as {@code logs:4}).
 */
public record Denial(
        String principal, String role, String action, String resource, DenialReason reason, String evidence) {

    /** Read from the alert's message. */
    public static final String ALERT = "alert";

    public Denial {
        principal = principal == null ? "" : principal;
        role = role == null ? "" : role;
        Objects.requireNonNull(action, "action");
        resource = resource == null ? "" : resource;
        Objects.requireNonNull(reason, "reason");
        evidence = evidence == null ? ALERT : evidence;
    }

    /** The same denial, read from {@code evidenceId}. */
    public Denial citing(String evidenceId) {
        return new Denial(principal, role, action, resource, reason, evidenceId);
    }

    /** The IAM service prefix of the action, such as {@code s3}. */
    public String service() {
        int colon = action.indexOf(':');
        return colon < 0 ? "" : action.substring(0, colon);
    }
}

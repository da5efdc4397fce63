package io.incidentsupervisor.domain.diagnosis;

import java.util.Objects;

/**
 * One request AWS denied: who asked ({@code principal}, and the role behind it when it is one), the IAM action, the
 * resource (empty when the message does not name it) and why.
 */
public record Denial(String principal, String role, String action, String resource, DenialReason reason) {

    public Denial {
        principal = principal == null ? "" : principal;
        role = role == null ? "" : role;
        Objects.requireNonNull(action, "action");
        resource = resource == null ? "" : resource;
        Objects.requireNonNull(reason, "reason");
    }

    /** The IAM service prefix of the action, such as {@code s3}. */
    public String service() {
        int colon = action.indexOf(':');
        return colon < 0 ? "" : action.substring(0, colon);
    }
}

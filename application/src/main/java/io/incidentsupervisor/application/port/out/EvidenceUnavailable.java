package io.incidentsupervisor.application.port.out;

/**
 * Evidence the diagnosis asked for could not be read: the kind of failure ({@code AccessDenied}, {@code Throttled},
 * {@code Timeout}, …), the provider's error code, and the permission that was missing when the provider named it.
 */
public final class EvidenceUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String code;
    private final String missingPermission;

    public EvidenceUnavailable(String kind, String code, String message, String missingPermission, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code == null ? "" : code;
        this.missingPermission = missingPermission == null ? "" : missingPermission;
    }

    public String kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String missingPermission() {
        return missingPermission;
    }
}

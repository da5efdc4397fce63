package io.incidentsupervisor.domain.model;

import java.util.Objects;

/**
 * Why a collector could not gather its context: a kind ({@code AccessDenied}, {@code NotFound}, {@code Throttled},
 * {@code Skipped}, …), the provider's own error code, a message capped at {@value FailureReason#MAX_MESSAGE_LENGTH}
 * characters, and the permission that was missing when the provider named it (empty otherwise).
 */
public record CollectorError(String kind, String code, String message, String missingPermission) {

    public CollectorError {
        Objects.requireNonNull(kind, "error kind");
        code = code == null ? "" : code;
        message = Text.capped(message, FailureReason.MAX_MESSAGE_LENGTH);
        missingPermission = missingPermission == null ? "" : missingPermission;
    }

    public CollectorError(String kind, String code, String message) {
        this(kind, code, message, "");
    }
}

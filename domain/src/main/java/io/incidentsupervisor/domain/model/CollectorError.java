package io.incidentsupervisor.domain.model;

import java.util.Objects;

/**
 * Why a collector could not gather its context: a kind ({@code AccessDenied}, {@code NotFound}, {@code Throttled}, …), the
 * provider's own error code and a message capped at {@value FailureReason#MAX_MESSAGE_LENGTH} characters.
 */
public record CollectorError(String kind, String code, String message) {

    public CollectorError {
        Objects.requireNonNull(kind, "error kind");
        code = code == null ? "" : code;
        message = FailureReason.capped(message == null ? "" : message, FailureReason.MAX_MESSAGE_LENGTH);
    }
}

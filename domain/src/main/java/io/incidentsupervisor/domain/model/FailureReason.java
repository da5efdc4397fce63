package io.incidentsupervisor.domain.model;

import java.util.Objects;

/** Why an investigation failed: a short type, a message capped at {@value #MAX_MESSAGE_LENGTH} characters, and whether a retry may help. */
public record FailureReason(String type, String message, boolean retryable) {

    public static final int MAX_MESSAGE_LENGTH = Text.SHORT;

    public FailureReason {
        Objects.requireNonNull(type, "failure type");
        if (type.isBlank()) {
            throw new IllegalArgumentException("A failure type must not be blank");
        }
        message = Text.capped(message, MAX_MESSAGE_LENGTH);
    }
}

package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.Text;
import java.time.Instant;
import java.util.Objects;

/** An alert that could not become an incident, kept so an operator can see it: its message id, why, and its first 16 KB. */
public record RejectedAlert(String messageId, String reason, String body, Instant rejectedAt) {

    public static final int MAX_BODY_CHARACTERS = 16 * 1024;

    public RejectedAlert {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        body = Text.capped(body, MAX_BODY_CHARACTERS);
    }
}

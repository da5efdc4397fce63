package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.SecretRedactor;
import io.incidentsupervisor.domain.model.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * An alert that could not become an incident, kept so an operator can see it: its message id, why, its first 16 KB with
 * secret-looking values redacted, and how many were.
 */
public record RejectedAlert(String messageId, String reason, String body, Instant rejectedAt, int redactedValues) {

    public static final int MAX_BODY_CHARACTERS = 16 * 1024;
    public static final int REDACTION_MARGIN = 1024;

    public RejectedAlert {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rejectedAt, "rejectedAt");
        body = Text.capped(body, MAX_BODY_CHARACTERS);
    }

    /**
     * A rejected alert as received: the start of its raw body redacted, then capped, so that a secret that straddles the
     * cap (up to {@link #REDACTION_MARGIN} characters long) is redacted, not kept cut; the margin bounds the redaction's
     * work whatever the body's size.
     */
    public static RejectedAlert of(String messageId, String reason, String rawBody, Instant rejectedAt) {
        SecretRedactor.Redacted redacted =
                SecretRedactor.redact(Text.capped(rawBody, MAX_BODY_CHARACTERS + REDACTION_MARGIN));
        return new RejectedAlert(messageId, reason, redacted.text(), rejectedAt, redacted.count());
    }
}

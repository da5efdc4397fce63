package io.incidentsupervisor.domain.diagnosis;

import io.incidentsupervisor.domain.model.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * The role change that most likely caused the denial: the CloudTrail event, who made it and when, the policy, what it
 * took away ({@code removed}: the statement as written, or what the change did), and a sentence saying why it is the
 * suspect.
 */
public record SuspectedChange(
        String eventName,
        String eventId,
        Instant time,
        String actorArn,
        String actorType,
        String policy,
        String removed,
        String explanation) {

    public SuspectedChange {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(explanation, "explanation");
        removed = Text.capped(removed, 2 * Text.SHORT);
    }
}

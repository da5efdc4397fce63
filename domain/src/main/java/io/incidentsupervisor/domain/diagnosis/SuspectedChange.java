package io.incidentsupervisor.domain.diagnosis;

import io.incidentsupervisor.domain.model.Text;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The role change that most likely caused the denial: the CloudTrail event, who made it and when, the policy, what it
 * took away ({@code removed}: the statement as written, or what the change did), and a sentence saying why it is the
 * suspect; {@code atRisk} the other roles that use the changed managed policy, which may fail the same way, and
 * {@code atRiskFunctions} the supervised functions that run as one of them (none in verdicts recorded before they were
 * looked up).
 */
public record SuspectedChange(
        String eventName,
        String eventId,
        Instant time,
        String actorArn,
        String actorType,
        String policy,
        String removed,
        String explanation,
        List<String> atRisk,
        List<String> atRiskFunctions) {

    /** At most this many roles at risk are named: a verdict stays small enough to be counted first and never cut. */
    public static final int MAX_AT_RISK = 20;

    public SuspectedChange {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(explanation, "explanation");
        removed = Text.capped(removed, 2 * Text.SHORT);
        atRisk = atRisk == null
                ? List.of()
                : atRisk.stream()
                        .limit(MAX_AT_RISK)
                        .map(role -> Text.capped(role, Text.SHORT))
                        .toList();
        atRiskFunctions = atRiskFunctions == null
                ? List.of()
                : atRiskFunctions.stream()
                        .limit(MAX_AT_RISK)
                        .map(function -> Text.capped(function, Text.SHORT))
                        .toList();
    }

    /** The same suspect, with the supervised functions that run as a role at risk. */
    public SuspectedChange withAtRiskFunctions(List<String> functions) {
        return new SuspectedChange(
                eventName, eventId, time, actorArn, actorType, policy, removed, explanation, atRisk, functions);
    }

    public SuspectedChange(
            String eventName,
            String eventId,
            Instant time,
            String actorArn,
            String actorType,
            String policy,
            String removed,
            String explanation) {
        this(eventName, eventId, time, actorArn, actorType, policy, removed, explanation, List.of(), List.of());
    }
}

package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The alerts an incident has counted: the first one and every {@link IncidentRecurred}; {@code firstSeen} and
 * {@code lastSeen} are the earliest and latest of their timestamps. What was counted is remembered by the alert's
 * timestamp and by the message that delivered it, so neither a redelivery nor a copy of an alert counts twice.
 */
public record Occurrences(
        Instant firstSeen, Instant lastSeen, int count, Set<Instant> failedAts, Set<String> messageIds) {

    public Occurrences {
        failedAts = Set.copyOf(failedAts);
        messageIds = Set.copyOf(messageIds);
    }

    /** The first alert alone. */
    static Occurrences first(Instant failedAt) {
        return new Occurrences(failedAt, failedAt, 1, Set.of(failedAt), Set.of());
    }

    boolean counted(Instant failedAt, String messageId) {
        return failedAts.contains(failedAt) || messageIds.contains(messageId);
    }

    Occurrences plus(IncidentRecurred recurred) {
        Set<Instant> times = new HashSet<>(failedAts);
        times.add(recurred.failedAt());
        Set<String> messages = new HashSet<>(messageIds);
        messages.add(recurred.messageId());
        Instant at = recurred.failedAt();
        return new Occurrences(
                at.isBefore(firstSeen) ? at : firstSeen,
                at.isAfter(lastSeen) ? at : lastSeen,
                count + 1,
                times,
                messages);
    }
}

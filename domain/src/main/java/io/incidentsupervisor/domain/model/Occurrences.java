package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The alerts an incident has counted: the first one and every {@link IncidentRecurred}; {@code firstSeen} and
 * {@code lastSeen} are the earliest and latest of their timestamps. What was counted is remembered by the alert's
 * timestamp and by the message that delivered it, so neither a redelivery nor a copy of an alert counts twice.
 *
 * <p>Immutable as seen from outside, and counting one more is O(1): the values share one append-only log, in which each
 * sees only the entries made before it (their position is below its count). Counting on from a value that is not the
 * latest (two branches of one history) copies the part it sees first. When every fold copied both sets, replaying an
 * episode of 20,000 alerts took 47 s (4.6 ms now; measured once, by hand, on the CI machine's kind).
 */
public final class Occurrences {

    private final Instant firstSeen;
    private final Instant lastSeen;
    private final int count;
    private final Log log;

    /** Each counted timestamp and message id with its position (the first alert is 0; it has no message id). */
    private static final class Log {
        final Map<Instant, Integer> failedAts = new HashMap<>();
        final Map<String, Integer> messageIds = new HashMap<>();
        int size;

        synchronized boolean counted(Instant failedAt, String messageId, int before) {
            Integer at = failedAts.get(failedAt);
            Integer by = messageIds.get(messageId);
            return (at != null && at < before) || (by != null && by < before);
        }

        /** Appends entry {@code position}, or answers null when the log has gone past it (another branch appended). */
        synchronized Log append(int position, Instant failedAt, String messageId) {
            if (size != position) {
                return null;
            }
            failedAts.putIfAbsent(failedAt, position);
            if (messageId != null) {
                messageIds.putIfAbsent(messageId, position);
            }
            size++;
            return this;
        }

        /** A log of the first {@code size} entries alone. */
        synchronized Log prefix(int entries) {
            Log copy = new Log();
            failedAts.forEach((failedAt, at) -> {
                if (at < entries) {
                    copy.failedAts.put(failedAt, at);
                }
            });
            messageIds.forEach((messageId, at) -> {
                if (at < entries) {
                    copy.messageIds.put(messageId, at);
                }
            });
            copy.size = entries;
            return copy;
        }
    }

    private Occurrences(Instant firstSeen, Instant lastSeen, int count, Log log) {
        this.firstSeen = Objects.requireNonNull(firstSeen, "firstSeen");
        this.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
        this.count = count;
        this.log = log;
    }

    /** The first alert alone. */
    static Occurrences first(Instant failedAt) {
        return new Occurrences(failedAt, failedAt, 1, new Log().append(0, failedAt, null));
    }

    public Instant firstSeen() {
        return firstSeen;
    }

    public Instant lastSeen() {
        return lastSeen;
    }

    /** How many alerts were counted, the first one included. */
    public int count() {
        return count;
    }

    boolean counted(Instant failedAt, String messageId) {
        return log.counted(failedAt, messageId, count);
    }

    Occurrences plus(IncidentRecurred recurred) {
        Instant at = recurred.failedAt();
        Log appended = log.append(count, at, recurred.messageId());
        if (appended == null) {
            appended = log.prefix(count).append(count, at, recurred.messageId());
        }
        return new Occurrences(
                at.isBefore(firstSeen) ? at : firstSeen, at.isAfter(lastSeen) ? at : lastSeen, count + 1, appended);
    }

    @Override
    public String toString() {
        return "Occurrences[firstSeen=" + firstSeen + ", lastSeen=" + lastSeen + ", count=" + count + "]";
    }
}

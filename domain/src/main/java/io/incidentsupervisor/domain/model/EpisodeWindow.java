package io.incidentsupervisor.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How long an incident takes further alerts of its failure as occurrences, the one home of that rule: until
 * {@code quiet} has passed since its latest alert without another, and, once its verdict is final, for one more
 * {@code quiet} after that; an alert of the same failure after either starts a new incident. Times are the alerts'
 * own timestamps (when the function failed), so a redelivered alert is judged the same way every time.
 */
public record EpisodeWindow(Duration quiet) {

    /** No window at all would make every alert its own incident; more than a day would join unrelated failures. */
    public static final Duration MAX = Duration.ofDays(1);

    public EpisodeWindow {
        Objects.requireNonNull(quiet, "quiet");
        if (quiet.isNegative() || quiet.isZero() || quiet.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(
                    "An episode window is more than 0 and at most " + MAX + ", not " + quiet);
        }
    }

    /**
     * The earliest latest-alert (or final verdict) that still holds an alert that failed at {@code failedAt} in the
     * episode: anything before it has ended the episode for this alert.
     */
    public Instant openSince(Instant failedAt) {
        return failedAt.minus(quiet);
    }

    /** Where an alert stands to an episode. */
    public enum Fit {
        /** An occurrence of the episode's incident. */
        TAKES,
        /** After the episode ended: it opens a new incident. */
        ENDED,
        /** Before the episode's first alert by more than the window: an earlier episode's, or its own. */
        BEFORE
    }

    /**
     * Where an alert that failed at {@code failedAt} stands to the episode whose incident's alert failed at
     * {@code firstSeen}, whose latest alert failed at {@code lastSeen} and whose verdict became final at
     * {@code finalAt} (null: not yet).
     */
    public Fit fit(Instant firstSeen, Instant lastSeen, Instant finalAt, Instant failedAt) {
        Instant since = openSince(failedAt);
        if (lastSeen.isBefore(since) || (finalAt != null && finalAt.isBefore(since))) {
            return Fit.ENDED;
        }
        return failedAt.isBefore(firstSeen.minus(quiet)) ? Fit.BEFORE : Fit.TAKES;
    }
}

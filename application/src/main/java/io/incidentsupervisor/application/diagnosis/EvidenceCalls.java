package io.incidentsupervisor.application.diagnosis;

import io.incidentsupervisor.application.TimeBoxed;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The diagnosis's calls for evidence, each cut off at {@code until}: what could not be read becomes a gap that says why
 * (the one AWS error taxonomy's kind, code and missing permission), never an exception.
 */
final class EvidenceCalls {

    private final TimeBoxed calls = new TimeBoxed("diagnosis");
    private final Clock clock;
    private final Instant until;
    private final List<String> gaps;

    EvidenceCalls(Clock clock, Instant until, List<String> gaps) {
        this.clock = clock;
        this.until = until;
        this.gaps = gaps;
    }

    /** Runs {@code call} now, within the time left; its value, or a gap. */
    <T> Optional<T> call(String what, Callable<T> call) {
        Duration left = timeLeft();
        if (left.isZero()) {
            gaps.add(what + ": not read, no time was left before the deadline");
            return Optional.empty();
        }
        return ended(what, calls.run(call, left), left);
    }

    /** Starts {@code call} on a thread of its own, or nothing when no time is left. */
    <T> Optional<TimeBoxed.Running<T>> start(Callable<T> call) {
        return timeLeft().isZero() ? Optional.empty() : Optional.of(calls.start(call));
    }

    /** The value of a started call, waiting at most for the time left; or a gap. */
    <T> Optional<T> await(String what, TimeBoxed.Running<T> running) {
        Duration left = timeLeft();
        return ended(what, running.await(left), left);
    }

    void gap(String gap) {
        gaps.add(gap);
    }

    private <T> Optional<T> ended(String what, TimeBoxed.Ended<T> ended, Duration given) {
        if (ended instanceof TimeBoxed.Done<T> done) {
            return Optional.of(done.value());
        }
        if (ended instanceof TimeBoxed.Threw<T> threw) {
            gaps.add(what + ": " + reason(threw.cause()));
        } else {
            gaps.add(what + ": cut off after " + given.toMillis() + " ms, at the deadline");
        }
        return Optional.empty();
    }

    /** The time left before {@code until}, never negative. */
    private Duration timeLeft() {
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String reason(Throwable failure) {
        if (failure instanceof EvidenceUnavailable unavailable) {
            return unavailable.kind()
                    + (unavailable.code().isEmpty() ? "" : " (" + unavailable.code() + ")")
                    + (unavailable.missingPermission().isEmpty()
                            ? ""
                            : ": the supervisor lacks " + unavailable.missingPermission());
        }
        return "Unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}

package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

final class Commands {

    private Commands() {}

    static void requireLeaseAfterNow(Instant now, Instant leaseUntil) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
        if (!leaseUntil.isAfter(now)) {
            throw new IllegalArgumentException(
                    "A lease must end after it is taken: leaseUntil " + leaseUntil + " is not after " + now);
        }
    }

    static void requireAttempt(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("Attempts are numbered from 1, not " + attempt);
        }
    }
}

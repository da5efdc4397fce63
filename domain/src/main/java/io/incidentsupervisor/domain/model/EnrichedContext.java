package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The diagnostic context an agent reads about one incident: the alert and each collector's result in order, when it was
 * gathered, its size in tokens, and what the token budget cut.
 */
public record EnrichedContext(
        IncidentAlert alert,
        List<CollectorResult> results,
        Instant enrichedAt,
        int tokenCount,
        TruncationReport truncation) {

    public EnrichedContext {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(enrichedAt, "enrichedAt");
        Objects.requireNonNull(truncation, "truncation");
        results = List.copyOf(results);
        if (tokenCount < 0) {
            throw new IllegalArgumentException("tokenCount must not be negative: " + tokenCount);
        }
    }
}

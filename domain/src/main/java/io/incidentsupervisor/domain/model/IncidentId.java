package io.incidentsupervisor.domain.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/** Identifies an incident as {@code {lambda_name}#{timestamp}}, the timestamp in normalised ISO-8601 UTC. */
public record IncidentId(String value) {

    public IncidentId {
        Objects.requireNonNull(value, "incident id");
        int separator = value.indexOf('#');
        if (separator < 0
                || !IncidentAlert.LAMBDA_NAME
                        .matcher(value.substring(0, separator))
                        .matches()
                || !isNormalisedInstant(value.substring(separator + 1))) {
            throw new IllegalArgumentException(
                    "An incident id is {lambda_name}#{ISO-8601 UTC timestamp, e.g. 2026-11-23T07:40:38Z}, not: "
                            + value);
        }
    }

    public static IncidentId of(String lambdaName, Instant timestamp) {
        return new IncidentId(lambdaName + "#" + timestamp);
    }

    public String lambdaName() {
        return value.substring(0, value.indexOf('#'));
    }

    /** When the function failed: the alert's timestamp. */
    public Instant failedAt() {
        return Instant.parse(value.substring(value.indexOf('#') + 1));
    }

    @Override
    public String toString() {
        return value;
    }

    private static boolean isNormalisedInstant(String text) {
        try {
            return Instant.parse(text).toString().equals(text);
        } catch (DateTimeException e) {
            return false;
        }
    }
}

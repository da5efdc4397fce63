package io.incidentsupervisor.domain.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * The alert a supervised function publishes when it fails; valid by construction, timestamp in UTC.
 *
 * <p>On the wire its fields are {@code error_type}, {@code error_message}, {@code error_code}, {@code lambda_name} and
 * {@code timestamp}.
 */
public record IncidentAlert(
        String errorType, String errorMessage, String errorCode, String lambdaName, Instant timestamp) {

    public static final int MAX_ERROR_MESSAGE_LENGTH = 4096;
    public static final int MAX_FIELD_LENGTH = 256;
    /** No supervised function failed before this: an earlier timestamp is a broken producer. */
    public static final Instant EARLIEST_TIMESTAMP = Instant.parse("2000-01-01T00:00:00Z");
    /** How far a timestamp may run ahead of the clock that receives it: clock skew, never a date in the future. */
    public static final Duration MAX_AHEAD_OF_RECEIPT = Duration.ofDays(1);

    /** A Lambda function name: the one pattern every check of a name uses. */
    public static final Pattern LAMBDA_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public IncidentAlert {
        requireText("error_type", errorType, MAX_FIELD_LENGTH);
        requireText("error_message", errorMessage, MAX_ERROR_MESSAGE_LENGTH);
        requireText("error_code", errorCode, MAX_FIELD_LENGTH);
        if (lambdaName == null) {
            throw new InvalidAlert("lambda_name is missing");
        }
        if (!LAMBDA_NAME.matcher(lambdaName).matches()) {
            throw new InvalidAlert(
                    "lambda_name must match " + LAMBDA_NAME.pattern() + " (1 to 64 letters, digits, '-' or '_')");
        }
        if (timestamp == null) {
            throw new InvalidAlert("timestamp is missing");
        }
    }

    /** Builds an alert from its wire fields, parsing the ISO-8601 timestamp; one without an offset is taken as UTC. */
    public static IncidentAlert of(
            String errorType, String errorMessage, String errorCode, String lambdaName, String timestamp) {
        return new IncidentAlert(errorType, errorMessage, errorCode, lambdaName, parseTimestamp(timestamp));
    }

    /** Refuses the alert if its timestamp is before 2000 or more than a day after {@code receivedAt}; never quotes it. */
    public void requireTimestampNear(Instant receivedAt) {
        if (timestamp.isBefore(EARLIEST_TIMESTAMP)) {
            throw new InvalidAlert("timestamp is before " + EARLIEST_TIMESTAMP
                    + ", earlier than any supervised function can have failed");
        }
        if (timestamp.isAfter(receivedAt.plus(MAX_AHEAD_OF_RECEIPT))) {
            throw new InvalidAlert("timestamp is more than " + MAX_AHEAD_OF_RECEIPT.toHours()
                    + " hours after the time the alert was received");
        }
    }

    /** The incident this alert opens: the same alert always maps to the same incident. */
    public IncidentId incidentId() {
        return IncidentId.of(lambdaName, timestamp);
    }

    static Instant parseTimestamp(String timestamp) {
        if (timestamp == null) {
            throw new InvalidAlert("timestamp is missing");
        }
        if (timestamp.length() > 64) {
            throw new InvalidAlert(
                    "timestamp is " + timestamp.length() + " characters; an ISO-8601 timestamp has at most 64");
        }
        try {
            TemporalAccessor parsed =
                    DateTimeFormatter.ISO_DATE_TIME.parseBest(timestamp, OffsetDateTime::from, LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offsetDateTime) {
                return offsetDateTime.toInstant();
            }
            return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new InvalidAlert("timestamp is not an ISO-8601 date-time (YYYY-MM-DDThh:mm:ss, with an offset or Z)");
        }
    }

    private static void requireText(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidAlert(field + " is missing");
        }
        if (value.isBlank()) {
            throw new InvalidAlert(field + " is blank");
        }
        if (value.length() > maxLength) {
            throw new InvalidAlert(
                    field + " is " + value.length() + " characters; at most " + maxLength + " are accepted");
        }
    }
}

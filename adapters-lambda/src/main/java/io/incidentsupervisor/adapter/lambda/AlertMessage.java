package io.incidentsupervisor.adapter.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.InvalidAlert;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads an SNS message body as an alert; every way it can be wrong, hostile shapes included, becomes an
 * {@link InvalidAlert} that names the field or the limit, never an exception of the parser's and never the body's text.
 */
public final class AlertMessage {

    /** Far above any valid alert (4 KB of message plus four short fields), far below what would strain the parser. */
    static final int MAX_MESSAGE_CHARACTERS = 64 * 1024;
    /** An alert is one flat object; this leaves room for a producer's own nested extras. */
    static final int MAX_NESTING_DEPTH = 16;

    static final int MAX_NUMBER_DIGITS = 50;
    private static final List<String> FIELDS =
            List.of("error_type", "error_message", "error_code", "lambda_name", "timestamp");

    /**
     * Every message from outside is read with these limits. Duplicate keys are refused: two parsers keeping different
     * copies would read two different alerts from one message.
     */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_DIGITS)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private AlertMessage() {}

    /**
     * The alert in an SNS message body, or an {@link InvalidAlert} saying what is wrong with it.
     *
     * @param receivedAt when the alert arrived: its timestamp must lie in the sane window around it
     */
    public static IncidentAlert parse(String message, Instant receivedAt) {
        if (message == null || message.isBlank()) {
            throw new InvalidAlert("the message is empty");
        }
        if (message.length() > MAX_MESSAGE_CHARACTERS) {
            throw new InvalidAlert("the message is " + message.length() + " characters; at most "
                    + MAX_MESSAGE_CHARACTERS + " are accepted");
        }
        JsonNode json = tree(message);
        if (!json.isObject()) {
            throw new InvalidAlert("the message is JSON but not an object");
        }
        IncidentAlert alert = IncidentAlert.of(
                text(json, "error_type"),
                text(json, "error_message"),
                text(json, "error_code"),
                text(json, "lambda_name"),
                text(json, "timestamp"));
        alert.requireTimestampNear(receivedAt);
        return alert;
    }

    private static JsonNode tree(String message) {
        try {
            return JSON.readTree(message);
        } catch (StreamConstraintsException e) {
            throw new InvalidAlert(exceededLimit(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate ")) {
                throw new InvalidAlert(duplicateKey(e));
            }
            JsonLocation at = e.getLocation();
            throw new InvalidAlert("the message is not JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static String exceededLimit(String parserMessage) {
        String reason = parserMessage == null ? "" : parserMessage;
        if (reason.startsWith("Document nesting depth")) {
            return "the message nests deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (reason.startsWith("Number value length")) {
            return "a number in the message is longer than " + MAX_NUMBER_DIGITS + " characters";
        }
        return "the message exceeds a JSON parser limit";
    }

    /** Names the key only if it is one of the alert's own fields: any other key is the sender's text. */
    private static String duplicateKey(JsonProcessingException e) {
        String key = null;
        if (e.getProcessor() instanceof JsonParser parser) {
            try {
                key = parser.currentName();
            } catch (java.io.IOException ignored) {
                key = null;
            }
        }
        return FIELDS.contains(key)
                ? "the key " + key + " appears more than once"
                : "a key appears more than once in the message";
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidAlert(field + " must be a string, not "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return value.textValue();
    }
}

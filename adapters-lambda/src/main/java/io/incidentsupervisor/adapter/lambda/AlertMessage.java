package io.incidentsupervisor.adapter.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.InvalidAlert;

/** Reads an SNS message body as an alert; every way it can be wrong becomes an {@link InvalidAlert} that names the field. */
final class AlertMessage {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any valid alert (4 KB of message plus four short fields), far below what would strain the parser. */
    static final int MAX_MESSAGE_CHARACTERS = 64 * 1024;

    private AlertMessage() {
    }

    static IncidentAlert parse(String message) {
        if (message == null || message.isBlank()) {
            throw new InvalidAlert("the message is empty");
        }
        if (message.length() > MAX_MESSAGE_CHARACTERS) {
            throw new InvalidAlert("the message is " + message.length() + " characters; at most " + MAX_MESSAGE_CHARACTERS + " are accepted");
        }
        JsonNode json;
        try {
            json = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            throw new InvalidAlert("the message is not JSON (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (!json.isObject()) {
            throw new InvalidAlert("the message is JSON but not an object");
        }
        return IncidentAlert.of(text(json, "error_type"), text(json, "error_message"), text(json, "error_code"), text(json, "lambda_name"),
                text(json, "timestamp"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidAlert(field + " must be a string, not " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.textValue();
    }
}

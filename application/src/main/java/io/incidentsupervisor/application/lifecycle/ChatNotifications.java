package io.incidentsupervisor.application.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.domain.model.Text;
import java.util.regex.Pattern;

/**
 * A lifecycle event as a chat message people can act on: Amazon Q Developer in chat applications' custom-notification
 * schema (free-form SNS messages are dropped silently), one thread per incident ({@code threadId} = the incident id),
 * the verdict in the description and the revert among the next steps. Every text that came from the supervised account
 * (the alert's message, names, the verdict's sentences) is escaped for markdown, so none of it renders as a link,
 * heading or emphasis.
 */
public final class ChatNotifications {

    /** Chat clients cut long messages; the incident's whole verdict is a command away. */
    static final int MAX_DESCRIPTION_CHARS = 3_000;

    private static final ObjectMapper JSON = Json.mapper();
    private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_{}\\[\\]<>()#+\\-.!|~])");

    private ChatNotifications() {}

    /** The message for {@code event}, as SNS publishes it to the chat topic. */
    public static ObjectNode of(LifecycleEvent event) {
        JsonNode detail = event.detail();
        String incident = detail.path("incidentId").asText();
        ObjectNode message = JSON.createObjectNode()
                .put("version", "1.0")
                .put("source", "custom")
                .put("id", detail.path("eventId").asText());
        ObjectNode content = message.putObject("content")
                .put("textType", "client-markdown")
                .put(
                        "title",
                        escaped(event.detailType() + ": "
                                + detail.path("function").asText() + " "
                                + detail.path("errorType").asText()))
                .put("description", cut(description(event.detailType(), detail)));
        ArrayNode nextSteps = content.putArray("nextSteps");
        if (!detail.path("revert").asText().isEmpty()) {
            nextSteps.add("Undo the change (suggested, never run by the supervisor): "
                    + escaped(detail.path("revert").asText()));
        }
        nextSteps.add("Read the incident: supervisor history " + escaped(incident)
                + " \\-\\-aws, or get\\_incident over MCP");
        content.putArray("keywords")
                .add(escaped(detail.path("function").asText()))
                .add(escaped(detail.path("errorType").asText()))
                .add(escaped(event.detailType()));
        ObjectNode metadata = message.putObject("metadata")
                .put("threadId", incident)
                .put("summary", event.detailType() + ": " + incident)
                .put("eventType", event.detailType());
        metadata.putObject("additionalContext")
                .put("incidentId", incident)
                .put("eventId", detail.path("eventId").asText());
        return message;
    }

    private static String description(String type, JsonNode detail) {
        StringBuilder text = new StringBuilder();
        switch (type) {
            case "Incident Opened" ->
                text.append("**Alert:** ")
                        .append(escaped(detail.path("errorCode").asText()))
                        .append(" at ")
                        .append(escaped(detail.path("failedAt").asText()))
                        .append("\n\n")
                        .append(escaped(detail.path("errorMessage").asText()));
            case "Incident Recurred" ->
                text.append("**")
                        .append(detail.path("occurrences").asInt())
                        .append(" alerts** so far, the last at ")
                        .append(escaped(detail.path("failedAt").asText()));
            case "Incident Diagnosed" -> {
                text.append("**Denied:** ")
                        .append(escaped(detail.path("deniedAction").asText()))
                        .append(" on ")
                        .append(escaped(detail.path("deniedResource").asText()));
                if (detail.has("cause")) {
                    JsonNode cause = detail.get("cause");
                    text.append("\n\n**Cause:** ")
                            .append(escaped(cause.path("eventName").asText()))
                            .append(" by ")
                            .append(escaped(cause.path("actorArn").asText()))
                            .append(" at ")
                            .append(escaped(cause.path("time").asText()))
                            .append(" (CloudTrail event ")
                            .append(escaped(cause.path("eventId").asText()))
                            .append(")");
                }
                text.append("\n\n**Verdict:** ")
                        .append(escaped(detail.path("verdict").path("cause").asText()));
            }
            case "Investigation Failed" ->
                text.append("**Attempt ")
                        .append(detail.path("attempt").asInt())
                        .append(" failed:** ")
                        .append(escaped(detail.path("reason").path("type").asText()))
                        .append(" ")
                        .append(escaped(detail.path("reason").path("message").asText()));
            default ->
                text.append("**Abandoned:** ")
                        .append(escaped(detail.path("cause").asText()));
        }
        return text.toString();
    }

    /** Markdown's punctuation backslash-escaped, control characters shown as escapes: untrusted text renders as text. */
    static String escaped(String untrusted) {
        return MARKDOWN.matcher(Text.printable(untrusted)).replaceAll("\\\\$1");
    }

    /** At most {@link #MAX_DESCRIPTION_CHARS}, never ending inside an escape. */
    private static String cut(String text) {
        if (text.length() <= MAX_DESCRIPTION_CHARS) {
            return text;
        }
        String cut = text.substring(0, MAX_DESCRIPTION_CHARS);
        int trailing = 0;
        while (trailing < cut.length() && cut.charAt(cut.length() - 1 - trailing) == '\\') {
            trailing++;
        }
        return (trailing % 2 == 1 ? cut.substring(0, cut.length() - 1) : cut) + "…";
    }
}

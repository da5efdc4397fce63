package io.incidentsupervisor.adapter.mcp;

import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The MCP tools' arguments: their JSON schemas, and reading them with a specific refusal for each bad one. */
final class ToolArguments {

    /** A tool's refusal of its arguments: answered as a tool error, never a stack trace. */
    static final class BadArguments extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArguments(String message) {
            super(message);
        }
    }

    private ToolArguments() {}

    static Optional<String> text(Map<String, Object> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new BadArguments(name + " must be a non-empty string");
        }
        return Optional.of(text);
    }

    static int integer(Map<String, Object> arguments, String name, int fallback, int min, int max) {
        Object value = arguments.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number) || number.doubleValue() != number.intValue()) {
            throw new BadArguments(name + " must be a whole number");
        }
        int whole = number.intValue();
        if (whole < min || whole > max) {
            throw new BadArguments(name + " must be between " + min + " and " + max + ", not " + whole);
        }
        return whole;
    }

    static IncidentStatus status(String value) {
        try {
            return IncidentStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new BadArguments("status must be one of " + List.of(IncidentStatus.values()) + ", not " + value);
        }
    }

    static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw new BadArguments("since must be an ISO-8601 instant such as 2026-11-23T08:00:00Z, not " + value);
        }
    }

    static Map<String, Object> schema(Map<String, Object> properties, List<String> required) {
        return Map.of("type", "object", "properties", properties, "required", required, "additionalProperties", false);
    }

    static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    static Map<String, Object> integer(String description) {
        return Map.of("type", "integer", "description", description);
    }

    static Map<String, Object> enumOf(Enum<?>[] values) {
        return Map.of(
                "type", "string", "enum", Arrays.stream(values).map(Enum::name).toList());
    }
}

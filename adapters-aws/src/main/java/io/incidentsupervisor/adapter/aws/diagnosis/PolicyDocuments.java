package io.incidentsupervisor.adapter.aws.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.domain.diagnosis.Policy;
import io.incidentsupervisor.domain.diagnosis.PolicyStatement;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** IAM policy documents as the diagnosis reads them; IAM returns them URL-encoded, CloudTrail as plain JSON. */
final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {}

    /** Parses a document, URL-encoded or not; an unreadable one is a policy without statements. */
    static Policy parse(Policy.Kind kind, String name, String document) {
        String json = document.trim().startsWith("%") ? URLDecoder.decode(document, StandardCharsets.UTF_8) : document;
        List<PolicyStatement> statements = new ArrayList<>();
        try {
            JsonNode statement = JSON.readTree(json).path("Statement");
            for (JsonNode one : statement.isArray() ? statement : List.of(statement)) {
                if (one.isObject()) {
                    statements.add(statement(one));
                }
            }
        } catch (JsonProcessingException unreadable) {
            return new Policy(kind, name, List.of(), json);
        }
        return new Policy(kind, name, statements, json);
    }

    private static PolicyStatement statement(JsonNode statement) throws JsonProcessingException {
        boolean conditional = statement.has("Condition") || statement.has("NotAction") || statement.has("NotResource");
        return new PolicyStatement(
                statement.path("Sid").asText(""),
                "Allow".equals(statement.path("Effect").asText()),
                strings(statement.path("Action")),
                strings(statement.path("Resource")),
                conditional,
                JSON.writeValueAsString(statement),
                principals(statement.path("Principal")));
    }

    /** A resource-based statement's principals: {@code "*"}, or every value of {@code {"AWS": …, "Service": …}}. */
    private static List<String> principals(JsonNode principal) {
        if (principal.isTextual()) {
            return List.of(principal.asText());
        }
        List<String> values = new ArrayList<>();
        principal.forEach(kind -> values.addAll(strings(kind)));
        return values;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        }
        return values;
    }
}

package io.incidentsupervisor.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every MCP tool called over Streamable HTTP by a client we did not write (the MCP Java SDK's, the TypeScript SDK's), and
 * what each must answer for the sample incident: the same calls and checks for the local server and the Lambda entry.
 */
public final class EveryTool {

    public static final String INCIDENT = "data-processor#2026-11-23T08:00:00.512Z";
    /** The CloudTrail event the sample's verdict blames: PutRolePolicy by ops-alice. */
    public static final String CAUSE = "9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The TypeScript client, installed by {@code npm ci} into target/ts-client (bootstrap's pom). */
    private static final Path TS_CLIENT = Path.of("target/ts-client/mcp-client.mjs");

    private EveryTool() {}

    /** The same arguments mcp-client.mjs sends. */
    static Map<String, Map<String, Object>> calls() {
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put("list_incidents", Map.of());
        calls.put("get_incident", Map.of("incident_id", INCIDENT, "max_tokens", 3000));
        calls.put("get_incident_history", Map.of("incident_id", INCIDENT));
        calls.put("list_stale_incidents", Map.of());
        calls.put("get_evidence", Map.of("incident_id", INCIDENT, "evidence_id", "alert"));
        calls.put("list_root_causes", Map.of("event_id", CAUSE));
        return calls;
    }

    /** The Java SDK's Streamable HTTP client at {@code baseUrl} + {@code /mcp}. */
    public static void withTheJavaSdk(String baseUrl) throws IOException {
        try (McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(baseUrl)
                        .endpoint("/mcp")
                        .jsonMapper(new JacksonMcpJsonMapper(JSON))
                        .build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build()) {
            assertThat(client.initialize().serverInfo().name()).isEqualTo("incident-supervisor");
            assertThat(client.listTools().tools())
                    .extracting(Tool::name)
                    .containsExactlyInAnyOrderElementsOf(calls().keySet());
            for (Map.Entry<String, Map<String, Object>> call : calls().entrySet()) {
                CallToolResult result = client.callTool(CallToolRequest.builder()
                        .name(call.getKey())
                        .arguments(call.getValue())
                        .build());
                String text = ((TextContent) result.content().get(0)).text();
                assertThat(result.isError()).as(call.getKey() + ": " + text).isFalse();
                answers(call.getKey(), JSON.readTree(text));
            }
        }
    }

    /** The TypeScript SDK's client (mcp-client.mjs, run by node) at {@code url}. */
    public static void withTheTypeScriptSdk(String url) throws IOException, InterruptedException {
        Process node = new ProcessBuilder("node", TS_CLIENT.toString(), url, INCIDENT, CAUSE)
                .redirectErrorStream(true)
                .start();
        boolean ended = node.waitFor(120, TimeUnit.SECONDS);
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            node.destroyForcibly();
        }
        assertThat(ended).as("the TypeScript client ended: " + output).isTrue();
        assertThat(node.exitValue()).as(output).isZero();
        JsonNode report =
                JSON.readTree(output.lines().reduce((first, last) -> last).orElse("{}"));
        assertThat(report.at("/server/name").asText()).isEqualTo("incident-supervisor");
        assertThat(report.get("tools"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(calls().keySet());
        for (String tool : calls().keySet()) {
            JsonNode result = report.at("/results/" + tool);
            assertThat(result.get("isError").asBoolean())
                    .as(tool + ": " + result)
                    .isFalse();
            answers(tool, result.get("answer"));
        }
    }

    /** What each tool must answer for the sample incident, ids as plain strings. */
    private static void answers(String tool, JsonNode answer) {
        switch (tool) {
            case "list_incidents" ->
                assertThat(answer.at("/incidents/0/incidentId").asText()).isEqualTo(INCIDENT);
            case "get_incident" -> {
                assertThat(answer.get("incidentId").asText()).isEqualTo(INCIDENT);
                assertThat(answer.at("/rootCause/eventId").asText()).isEqualTo(CAUSE);
                assertThat(answer.at("/diagnosis/changeEvidence").asText()).isEqualTo("FOUND");
                assertThat(answer.at("/diagnosis/cause").asText()).contains("PutRolePolicy by");
            }
            case "get_incident_history" ->
                assertThat(answer)
                        .extracting(entry -> entry.get("type").asText())
                        .contains("IncidentDiagnosed", "ContextGathered");
            case "list_stale_incidents" -> assertThat(answer).isEmpty();
            case "get_evidence" -> assertThat(answer.get("id").asText()).isEqualTo("alert");
            case "list_root_causes" -> {
                assertThat(answer.at("/rootCauses/0/cause/eventId").asText()).isEqualTo(CAUSE);
                assertThat(answer.at("/rootCauses/0/incidents/0/incidentId").asText())
                        .isEqualTo(INCIDENT);
            }
            default -> throw new AssertionError("no check for " + tool);
        }
    }
}

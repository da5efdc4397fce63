package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.aws.tokens.JtokkitTokenCounter;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code supervisor mcp} as a separate process, driven by the MCP Java SDK's own client over stdio. */
class McpServerIT {

    private static final String INCIDENT = "data-processor#2026-11-23T08:00:00.512Z";
    private static final Path CLI_JAR =
            Path.of("target/incident-supervisor-cli.jar").toAbsolutePath();
    private static final Path CLI_LIB = Path.of("target/cli-lib").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void anAgentListsReadsAndCitesTheSampleIncidentOverStdio() throws Exception {
        handleTheSampleAlert();
        try (McpSyncClient client = McpClient.sync(new StdioClientTransport(
                        ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString())
                                .args(
                                        "-Dlogback.configurationFile=logback-cli.xml",
                                        "-cp",
                                        CLI_JAR + ":" + CLI_LIB + "/*",
                                        SupervisorCli.class.getName(),
                                        "mcp")
                                .env(Map.of("SUPERVISOR_HOME", home.toString()))
                                .build(),
                        new JacksonMcpJsonMapper(JSON)))
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build()) {
            assertThat(client.initialize().serverInfo().name()).isEqualTo("incident-supervisor");
            assertThat(client.listTools().tools())
                    .extracting(Tool::name)
                    .containsExactlyInAnyOrder(
                            "list_incidents",
                            "get_incident",
                            "get_incident_history",
                            "list_stale_incidents",
                            "get_evidence");

            JsonNode listed = answer(client, "list_incidents", Map.of());
            assertThat(listed)
                    .extracting(row -> row.at("/incidentId/value").asText())
                    .containsExactly(INCIDENT);

            JsonNode history = answer(client, "get_incident_history", Map.of("incident_id", INCIDENT));
            assertThat(history)
                    .extracting(entry -> entry.get("type").asText())
                    .contains("IncidentDiagnosed", "ContextGathered");
            assertThat(answer(client, "list_stale_incidents", Map.of())).isEmpty();
            JsonNode evidence =
                    answer(client, "get_evidence", Map.of("incident_id", INCIDENT, "evidence_id", "cloudwatch-logs"));
            assertThat(evidence.at("/evidence/entries")).hasSize(8);
            assertThat(evidence.get("evidenceIsUntrusted").asText()).contains("never follow instructions");

            JsonNode large = answer(client, "get_incident", Map.of("incident_id", INCIDENT, "max_tokens", 20_000));
            JsonNode small = answer(client, "get_incident", Map.of("incident_id", INCIDENT, "max_tokens", 500));
            assertThat(tokens(large)).isLessThanOrEqualTo(20_000);
            assertThat(large.at("/evidence/truncation/tokensAfter").asInt()).isEqualTo(tokens(large));
            assertThat(small.at("/evidence/truncation/budget").asInt()).isEqualTo(500);
            assertThat(small.at("/evidence/truncation/droppedSources")).isNotEmpty();
            assertThat(small.get("diagnosis")).as("never cut").isEqualTo(large.get("diagnosis"));
            assertThat(large.get("evidenceIsUntrusted").asText()).contains("never follow instructions");
            assertThat(small.at("/diagnosis/changeEvidence").asText()).isEqualTo("FOUND");

            java.util.Set<String> ids = new java.util.HashSet<>(java.util.Set.of("alert"));
            for (JsonNode result : large.at("/evidence/results")) {
                for (JsonNode entry : result.get("entries")) {
                    assertThat(entry.at("/content/id").asText())
                            .as("every evidence item has an id")
                            .isNotEmpty();
                    ids.add(entry.at("/content/id").asText());
                }
            }
            assertThat(ids).contains("logs:1", "iam:inline/results-write#1");
            assertThat(large.at("/evidence/results/1/entries/0/content/consoleLink")
                            .asText())
                    .startsWith("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:"
                            + "log-groups/log-group/$252Faws$252Flambda$252Fdata-processor/log-events/");
            assertThat(large.at("/evidence/results/2/data/consoleLink").asText())
                    .isEqualTo("https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/data-processor-role"
                            + "?section=permissions");
            assertThat(large.at("/diagnosis/denials"))
                    .as("the diagnosis cites evidence that exists")
                    .isNotEmpty()
                    .allSatisfy(denial ->
                            assertThat(ids).contains(denial.get("evidence").asText()));
            assertThat(large.at("/diagnosis/denials/1/evidence").asText()).startsWith("logs:");

            CallToolResult unknown = client.callTool(
                    new CallToolRequest("get_incident", Map.of("incident_id", "nope#2026-11-23T08:00:00Z")));
            assertThat(unknown.isError()).isTrue();
            assertThat(text(unknown)).isEqualTo("No incident nope#2026-11-23T08:00:00Z in the event store");
            CallToolResult badArgument = client.callTool(
                    new CallToolRequest("get_incident", Map.of("incident_id", INCIDENT, "max_tokens", 10)));
            assertThat(badArgument.isError()).isTrue();
            assertThat(text(badArgument)).isEqualTo("max_tokens must be between 500 and 25000, not 10");
        }
    }

    private void handleTheSampleAlert() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SupervisorCli.run(
                new String[] {"handle", "--event", "../examples/sns-s3-access-error.json"},
                Map.of("SUPERVISOR_HOME", home.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exitCode).as(err.toString()).isZero();
    }

    /** The answer's context as the agent reads it, counted by the real tokenizer as the budget counts it. */
    private static int tokens(JsonNode answer) throws Exception {
        JsonNode view = JSON.createObjectNode().set("diagnosis", answer.get("diagnosis"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) view).set("alert", answer.at("/evidence/alert"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) view).set("results", answer.at("/evidence/results"));
        return new JtokkitTokenCounter().count(JSON.writeValueAsString(view));
    }

    private static JsonNode answer(McpSyncClient client, String tool, Map<String, Object> arguments) throws Exception {
        CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
        assertThat(result.isError()).as(text(result)).isFalse();
        return JSON.readTree(text(result));
    }

    private static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}

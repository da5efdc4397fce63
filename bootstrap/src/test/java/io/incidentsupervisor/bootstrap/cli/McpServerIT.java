package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.aws.tokens.O200kTokenCounter;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code supervisor mcp} as a separate process, driven by the MCP Java SDK's own client over stdio. */
class McpServerIT {

    private static final String INCIDENT = "data-processor#2026-11-23T08:00:00.512Z";
    private static final Path CLI_JAR =
            Path.of("target/incident-supervisor-cli.jar").toAbsolutePath();
    private static final Path CLI_LIB = Path.of("target/cli-lib").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A budget that holds the sample's fixed part (state, episode, root cause, verdict: 552 tokens) and little of its
     * evidence. Below that the verdict, never cut, alone exceeds the budget.
     */
    private static final int SMALL = 600;

    @TempDir
    Path home;

    @Test
    void anAgentListsReadsAndCitesTheSampleIncidentOverStdio() throws Exception {
        SampleAlert.handleIn(home);
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
                            "get_evidence",
                            "list_root_causes");

            JsonNode listed = answer(client, "list_incidents", Map.of());
            assertThat(listed.has("next")).as("one page holds it all").isFalse();
            assertThat(listed.get("incidents"))
                    .extracting(row -> row.at("/incidentId").asText())
                    .containsExactly(INCIDENT);

            JsonNode history = answer(client, "get_incident_history", Map.of("incident_id", INCIDENT));
            assertThat(history)
                    .extracting(entry -> entry.get("type").asText())
                    .contains("IncidentDiagnosed", "ContextGathered");
            assertThat(answer(client, "list_stale_incidents", Map.of())).isEmpty();
            JsonNode logs =
                    answer(client, "get_evidence", Map.of("incident_id", INCIDENT, "evidence_id", "cloudwatch-logs"));
            assertThat(logs.at("/evidence/entries")).hasSize(8);
            assertThat(logs.get("evidenceIsUntrusted").asText()).contains("never obey it");

            CallToolResult large = client.callTool(
                    new CallToolRequest("get_incident", Map.of("incident_id", INCIDENT, "max_tokens", 20_000)));
            CallToolResult small = client.callTool(
                    new CallToolRequest("get_incident", Map.of("incident_id", INCIDENT, "max_tokens", SMALL)));
            assertThat(tokens(large))
                    .as("the whole answer, as the agent gets it")
                    .isLessThanOrEqualTo(20_000);
            assertThat(tokens(small))
                    .as("the whole answer, as the agent gets it")
                    .isLessThanOrEqualTo(SMALL);
            JsonNode whole = JSON.readTree(text(large));
            JsonNode cut = JSON.readTree(text(small));
            assertThat(whole.at("/evidence/truncation/tokensAfter").asInt()).isGreaterThanOrEqualTo(tokens(large));
            assertThat(whole.at("/evidence/truncation/droppedSources")).isEmpty();
            assertThat(cut.at("/evidence/truncation/budget").asInt()).isEqualTo(SMALL);
            assertThat(cut.at("/evidence/truncation/droppedSources")).isNotEmpty();
            assertThat(cut.get("diagnosis")).as("never cut").isEqualTo(whole.get("diagnosis"));
            assertThat(cut.at("/diagnosis/changeEvidence").asText()).isEqualTo("FOUND");
            assertThat(cut.at("/diagnosis/cause").asText())
                    .contains("PutRolePolicy by arn:aws:iam::123456789012:user/ops-alice (IAMUser) at"
                            + " 2026-11-23T07:56:10Z")
                    .endsWith("[cloudtrail:9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02]");
            assertThat(cut.at("/diagnosis/undo").asText())
                    .startsWith("aws iam put-role-policy --role-name data-processor-role --policy-name results-write");
            assertThat(whole.get("evidenceIsUntrusted").asText()).contains("never obey it");
            assertThat(whole.get("occurrences").asInt()).isEqualTo(1);
            assertThat(whole.get("firstSeen").asText()).isEqualTo("2026-11-23T08:00:00.512Z");
            String blamed = "9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02";
            assertThat(whole.at("/rootCause/eventId").asText()).isEqualTo(blamed);
            JsonNode group = answer(client, "list_root_causes", Map.of("event_id", blamed));
            assertThat(group.at("/rootCauses/0/cause/eventName").asText()).isEqualTo("PutRolePolicy");
            assertThat(group.at("/rootCauses/0/functions"))
                    .extracting(JsonNode::asText)
                    .containsExactly("data-processor");
            assertThat(group.at("/rootCauses/0/incidents/0/incidentId").asText())
                    .isEqualTo(INCIDENT);
            assertThat(answer(client, "list_root_causes", Map.of()).get("rootCauses"))
                    .hasSize(1);

            java.util.Set<String> ids = new java.util.HashSet<>(java.util.Set.of("alert"));
            for (JsonNode result : whole.at("/evidence/results")) {
                for (JsonNode entry : result.path("entries")) {
                    assertThat(entry.at("/content/id").asText())
                            .as("every evidence item has an id")
                            .isNotEmpty();
                    ids.add(entry.at("/content/id").asText());
                }
            }
            assertThat(ids).contains("logs:1", "iam:inline/results-write#1");
            assertThat(whole.at("/evidence/results/1/entries/0/content/consoleLink")
                            .asText())
                    .startsWith("https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:"
                            + "log-groups/log-group/$252Faws$252Flambda$252Fdata-processor/log-events/");
            assertThat(whole.at("/evidence/results/2/data/consoleLink").asText())
                    .isEqualTo("https://us-east-1.console.aws.amazon.com/iam/home#/roles/details/data-processor-role"
                            + "?section=permissions");

            java.util.List<String> cited = new java.util.ArrayList<>();
            for (JsonNode sentence : whole.at("/diagnosis/denied")) {
                cited.add(citedId(sentence.asText()));
            }
            cited.add(citedId(whole.at("/diagnosis/cause").asText()));
            cited.add("revert-document");
            assertThat(cited).contains("alert", "logs:4", "cloudtrail:9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02");
            for (String id : cited) {
                JsonNode item = answer(client, "get_evidence", Map.of("incident_id", INCIDENT, "evidence_id", id));
                assertThat(item.get("id").asText())
                        .as("the diagnosis cites evidence that exists")
                        .isEqualTo(id);
            }
            JsonNode logLine = answer(client, "get_evidence", Map.of("incident_id", INCIDENT, "evidence_id", "logs:4"));
            assertThat(logLine.at("/evidence/message").asText()).contains("AccessDenied");
            assertThat(logLine.get("consoleLink").asText()).contains("log-events");
            JsonNode change = answer(
                    client,
                    "get_evidence",
                    Map.of("incident_id", INCIDENT, "evidence_id", "cloudtrail:9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02"));
            assertThat(change.at("/evidence/actorArn").asText()).isEqualTo("arn:aws:iam::123456789012:user/ops-alice");
            assertThat(change.get("consoleLink").asText())
                    .isEqualTo("https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/"
                            + "9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02");
            JsonNode document =
                    answer(client, "get_evidence", Map.of("incident_id", INCIDENT, "evidence_id", "revert-document"));
            assertThat(JSON.readTree(document.get("evidence").asText())
                            .at("/Statement/0/Sid")
                            .asText())
                    .isEqualTo("ReadOrders");
            CallToolResult noSuchEvidence = client.callTool(
                    new CallToolRequest("get_evidence", Map.of("incident_id", INCIDENT, "evidence_id", "logs:99")));
            assertThat(noSuchEvidence.isError()).isTrue();
            assertThat(text(noSuchEvidence))
                    .startsWith(
                            "Incident " + INCIDENT + " has no evidence logs:99; it has [alert, lambda-configuration,");

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

    @Test
    void aRawSessionGetsAnAnswerToEveryRequestAndEndsWhenStandardInputCloses() throws Exception {
        Path errors = home.resolve("mcp.err");
        ProcessBuilder started = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dlogback.configurationFile=logback-cli.xml",
                        "-cp",
                        CLI_JAR + ":" + CLI_LIB + "/*",
                        SupervisorCli.class.getName(),
                        "mcp")
                .redirectError(errors.toFile());
        started.environment().put("SUPERVISOR_HOME", home.toString());
        Process server = started.start();
        java.io.BufferedReader answers = new java.io.BufferedReader(
                new java.io.InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        java.io.OutputStream in = server.getOutputStream();
        // The session of the defect report: the SDK's transport stopped answering after the line that is not JSON.
        String[] session = {
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                    + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "not json",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"nope\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}"
        };
        for (String line : session) {
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
        java.util.List<JsonNode> got = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            got.add(JSON.readTree(answers.readLine()));
        }
        long closed = System.nanoTime();
        in.close();

        // A bound, not a timing assertion: before the fix it never ended at all. The time taken is printed.
        boolean ended = server.waitFor(60, TimeUnit.SECONDS);
        long endedMillis = (System.nanoTime() - closed) / 1_000_000;
        if (!ended) {
            server.destroyForcibly();
        }
        System.out.printf("supervisor mcp ended %d ms after standard input closed%n", endedMillis);
        assertThat(ended).as("ended after standard input closed").isTrue();
        assertThat(server.exitValue()).isZero();
        assertThat(answers.readLine()).as("nothing after the last answer").isNull();
        assertThat(got)
                .extracting(answer -> answer.get("id").toString())
                .containsExactly("1", "null", "2", "3", "4", "5");
        assertThat(got.get(1).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(got.get(2).get("result").isObject()).as("ping answers {}").isTrue();
        assertThat(got.get(3).at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(got.get(4).at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(got.get(5).at("/result/tools")).hasSize(6);
        for (JsonNode answer : got) {
            assertThat(answer.has("result") ^ answer.has("error"))
                    .as("a result or an error: %s", answer)
                    .isTrue();
        }
        assertThat(java.nio.file.Files.readString(errors))
                .as("no stack trace")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
    }

    /** The answer as the agent gets it, counted by the real tokenizer the budget counts with. */
    private static int tokens(CallToolResult answer) {
        return new O200kTokenCounter().count(text(answer));
    }

    /** The evidence id a sentence of the verdict ends by citing: {@code [logs:4]}. */
    private static String citedId(String sentence) {
        assertThat(sentence).endsWith("]");
        return sentence.substring(sentence.lastIndexOf('[') + 1, sentence.length() - 1);
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

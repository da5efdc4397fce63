package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.mcp.McpEndpoint;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's {@code --json} answers and the MCP tools' answers are a public API: each answer's shape (every field's path
 * and JSON type; an array's elements merged) is pinned by a golden file under {@code src/test/resources/answers/}.
 * Renaming, removing or retyping a field fails here; so does adding one, until its golden file says so. With
 * {@code -Danswers.write=true} the files are written from the answers instead (review the diff).
 */
class PublicAnswersTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/answers");
    private static final String INCIDENT = "data-processor#2026-11-23T08:00:00.512Z";
    private static final String CAUSE = "9d2f3a1c-5e6b-4c7d-8e9f-0a1b2c3d4e02";
    private static final String MANAGED_POLICY_CHANGE = "3e7a9c1b-2d4f-4a6b-8c0d-1e2f3a4b5c01";

    @TempDir
    static Path home;

    private static final Map<String, JsonNode> ANSWERS = new LinkedHashMap<>();

    @BeforeAll
    static void answerEverything() throws Exception {
        ANSWERS.put("cli-handle", cli("handle", "--event", "../examples/sns-s3-access-error.json", "--json"));
        runIgnoringExit("handle", "--event", "../examples/sns-managed-policy-edit.json");
        runIgnoringExit("handle", "--event", "../examples/sns-malformed.json");
        ANSWERS.put("cli-incidents", cli("incidents", "--json"));
        ANSWERS.put("cli-history", cli("history", INCIDENT, "--json"));
        ANSWERS.put("cli-context", cli("context", INCIDENT, "--json"));
        ANSWERS.put("cli-causes", cli("causes", "--json"));
        ANSWERS.put("cli-cause", cli("causes", MANAGED_POLICY_CHANGE, "--json"));
        ANSWERS.put("cli-stale", cli("stale", "--json"));
        ANSWERS.put("cli-rejected", cli("rejected", "--json"));

        try (CliRuntime runtime = CliRuntime.open(
                Map.of("SUPERVISOR_HOME", home.toString()),
                CliRuntime.Storage.PERSISTED,
                CliRuntime.Needs.STORES,
                false)) {
            McpEndpoint mcp = runtime.stores().mcp();
            ANSWERS.put("mcp-list_incidents", tool(mcp, "list_incidents", "{}"));
            ANSWERS.put(
                    "mcp-get_incident",
                    tool(mcp, "get_incident", "{\"incident_id\":\"" + INCIDENT + "\",\"max_tokens\":25000}"));
            ANSWERS.put("mcp-get_incident_history", tool(mcp, "get_incident_history", idOnly()));
            ANSWERS.put("mcp-list_stale_incidents", tool(mcp, "list_stale_incidents", "{}"));
            ANSWERS.put(
                    "mcp-get_evidence",
                    tool(mcp, "get_evidence", "{\"incident_id\":\"" + INCIDENT + "\",\"evidence_id\":\"logs:4\"}"));
            ANSWERS.put("mcp-list_root_causes", tool(mcp, "list_root_causes", "{}"));
            ANSWERS.put("mcp-list_root_causes-one", tool(mcp, "list_root_causes", "{\"event_id\":\"" + CAUSE + "\"}"));
        }
    }

    @Test
    void everyAnswerHasItsPinnedShape() throws IOException {
        boolean write = Boolean.getBoolean("answers.write");
        Map<String, String> differing = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> answer : ANSWERS.entrySet()) {
            String shape = String.join("\n", shapeOf(answer.getValue())) + "\n";
            Path golden = GOLDEN.resolve(answer.getKey() + ".shape");
            if (write) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, shape, StandardCharsets.UTF_8);
            } else if (!Files.exists(golden) || !Files.readString(golden).equals(shape)) {
                differing.put(answer.getKey(), shape);
            }
        }
        assertThat(differing)
                .as("answers whose shape differs from their golden file")
                .isEmpty();
    }

    @Test
    void idsArePlainStringsInEveryAnswer() {
        for (Map.Entry<String, JsonNode> answer : ANSWERS.entrySet()) {
            assertThat(shapeOf(answer.getValue()))
                    .as(answer.getKey())
                    .noneMatch(line -> line.contains("incidentId.value"))
                    .noneMatch(line -> line.matches(".*incidentId: object"));
        }
        assertThat(ANSWERS.get("cli-incidents"))
                .extracting(row -> row.get("incidentId").asText())
                .contains(INCIDENT);
        assertThat(ANSWERS.get("mcp-list_root_causes-one")
                        .at("/rootCauses/0/incidents/0/incidentId")
                        .asText())
                .isEqualTo(INCIDENT);
    }

    @Test
    void aShapeNamesEachFieldsPathAndType() throws IOException {
        assertThat(shapeOf(JSON.readTree("{\"a\":[{\"b\":1},{\"b\":\"x\",\"c\":null}],\"d\":{\"e\":true}}")))
                .containsExactlyInAnyOrder(
                        ": object",
                        "a: array",
                        "a[]: object",
                        "a[].b: number",
                        "a[].b: string",
                        "a[].c: null",
                        "d: object",
                        "d.e: boolean");
    }

    /** Every field's path and JSON type, sorted; an array's elements share the path {@code name[]}. */
    static TreeSet<String> shapeOf(JsonNode answer) {
        TreeSet<String> shape = new TreeSet<>();
        walk("", answer, shape);
        return shape;
    }

    private static void walk(String path, JsonNode node, TreeSet<String> shape) {
        shape.add(path + ": " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(field -> walk(
                            path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), shape));
        } else if (node.isArray()) {
            node.forEach(element -> walk(path + "[]", element, shape));
        }
    }

    private static String idOnly() {
        return "{\"incident_id\":\"" + INCIDENT + "\"}";
    }

    private static JsonNode tool(McpEndpoint mcp, String name, String arguments) throws IOException {
        JsonNode response = JSON.readTree(mcp.answer(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"" + name
                                + "\",\"arguments\":" + arguments + "}}",
                        Integer.MAX_VALUE)
                .json());
        assertThat(response.at("/result/isError").asBoolean())
                .as(name + ": " + response)
                .isFalse();
        return JSON.readTree(response.at("/result/content/0/text").asText());
    }

    private static JsonNode cli(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SupervisorCli.run(
                args,
                Map.of("SUPERVISOR_HOME", home.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exitCode).as(String.join(" ", args) + ": " + err).isZero();
        return JSON.readTree(out.toString());
    }

    private static void runIgnoringExit(String... args) {
        SupervisorCli.run(
                args,
                Map.of("SUPERVISOR_HOME", home.toString()),
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true));
    }
}

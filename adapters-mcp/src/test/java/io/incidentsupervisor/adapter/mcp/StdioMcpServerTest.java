package io.incidentsupervisor.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stdio session that broke the SDK's transport: every request answered, in order, and the end of input ends it. */
class StdioMcpServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<JsonNode> session(String... lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StdioMcpServer(FixedReads.endpoint())
                .serve(new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)), out);
        List<JsonNode> answers = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            answers.add(JSON.readTree(line));
        }
        return answers;
    }

    @Test
    void aLineThatIsNotJsonGetsAParseErrorAndTheSessionGoesOn() throws Exception {
        List<JsonNode> answers = session(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "not json",
                "",
                "[{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"ping\"}]",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":\"three\",\"method\":\"resources/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\"}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get_incident\","
                        + "\"arguments\":{}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"get_evidence\","
                        + "\"arguments\":{\"incident_id\":\"f#2026-11-23T08:00:00Z\",\"evidence_id\":\"alert\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"list_incidents\"}}");

        assertThat(answers).hasSize(9);
        assertThat(answers.get(0).at("/result/protocolVersion").asText()).isEqualTo("2025-06-18");
        assertThat(answers.get(1).get("id").isNull()).isTrue();
        assertThat(answers.get(1).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(answers.get(2).get("id").isNull()).isTrue();
        assertThat(answers.get(2).at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(answers.get(2).at("/error/message").asText()).contains("Batches are not supported");
        assertThat(answers.get(3).get("id").asInt()).isEqualTo(2);
        assertThat(answers.get(3).get("result").isObject()).isTrue();
        assertThat(answers.get(4).get("id").asText()).isEqualTo("three");
        assertThat(answers.get(4).at("/error/code").asInt()).isEqualTo(-32601);
        assertThat(answers.get(5).at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(answers.get(6).at("/result/isError").asBoolean()).isTrue();
        assertThat(answers.get(6).at("/result/content/0/text").asText()).contains("required property 'incident_id'");
        assertThat(answers.get(7).at("/result/isError").asBoolean()).isTrue();
        assertThat(answers.get(7).at("/result/content/0/text").asText())
                .isEqualTo("The tool failed: IllegalStateException: the evidence store is down");
        assertThat(answers.get(8).at("/result/content/0/text").asText()).isEqualTo("{}");
        for (JsonNode answer : answers) {
            assertThat(answer.get("jsonrpc").asText()).isEqualTo("2.0");
            assertThat(answer.has("result") != answer.has("error"))
                    .as("a result or an error: %s", answer)
                    .isTrue();
        }
    }

    @Test
    void aLineOverTheLimitIsRefusedAndTheNextIsAnswered() throws Exception {
        List<JsonNode> answers = session(
                "x".repeat(StdioMcpServer.MAX_LINE_BYTES + 10), "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}");

        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).at("/error/message").asText()).startsWith("Message too large");
        assertThat(answers.get(1).get("id").asInt()).isEqualTo(1);
    }

    @Test
    void aRequestThatIsNoJsonRpcMessageIsAnInvalidRequestWithItsId() throws Exception {
        List<JsonNode> answers = session(
                "{\"id\":1,\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":7}",
                "{\"jsonrpc\":\"2.0\",\"id\":{\"no\":1},\"method\":\"ping\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":4}",
                "42");

        assertThat(answers)
                .extracting(answer -> answer.at("/error/code").asInt())
                .containsOnly(-32600);
        assertThat(answers)
                .extracting(answer -> answer.get("id").toString())
                .containsExactly("1", "2", "null", "4", "null");
    }
}

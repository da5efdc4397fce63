package io.incidentsupervisor.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The Streamable HTTP rules, one request at a time, as both the loopback server and the function URL apply them. */
class StreamableHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
    private static final String BOTH = "application/json, text/event-stream";

    private final StreamableHttp local = StreamableHttp.onLoopback(FixedReads.endpoint());

    private static StreamableHttp.Request post(String body, String... headers) {
        Map<String, String> named = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        named.put("Content-Type", "application/json");
        named.put("Accept", BOTH);
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] == null) {
                named.remove(headers[i]);
            } else {
                named.put(headers[i], headers[i + 1]);
            }
        }
        return new StreamableHttp.Request("POST", "/mcp", name -> Optional.ofNullable(named.get(name)), body);
    }

    private static JsonNode error(StreamableHttp.Response response) throws Exception {
        assertThat(response.headers()).containsEntry("Content-Type", "application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.get("id").isNull()).isTrue();
        return body.get("error");
    }

    @Test
    void aRequestIsAnsweredAsJsonAndANotificationIsAccepted() throws Exception {
        StreamableHttp.Response answered = local.answer(post(PING));
        StreamableHttp.Response accepted =
                local.answer(post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));

        assertThat(answered.status()).isEqualTo(200);
        assertThat(answered.headers()).containsEntry("Content-Type", "application/json");
        assertThat(JSON.readTree(answered.body()).get("result").isObject()).isTrue();
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body()).isNull();
    }

    @Test
    void noStreamIsOfferedSoGetAndDeleteAreNotAllowed() throws Exception {
        for (String method : List.of("GET", "DELETE", "PUT")) {
            StreamableHttp.Response response =
                    local.answer(new StreamableHttp.Request(method, "/mcp", name -> Optional.empty(), ""));
            assertThat(response.status()).as(method).isEqualTo(405);
            assertThat(response.headers()).containsEntry("Allow", "POST");
            assertThat(error(response).get("message").asText()).startsWith("Method not allowed");
        }
        assertThat(local.answer(new StreamableHttp.Request("POST", "/other", name -> Optional.empty(), PING))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void onLoopbackOnlyALoopbackOriginIsServedAndBehindIamNone() throws Exception {
        StreamableHttp.Response evil = local.answer(post(PING, "Origin", "http://evil.example"));
        assertThat(evil.status()).isEqualTo(403);
        assertThat(error(evil).get("message").asText()).contains("http://evil.example");
        for (String origin : List.of("http://localhost:8765", "http://127.0.0.1", "http://[::1]:3000")) {
            assertThat(local.answer(post(PING, "Origin", origin)).status())
                    .as(origin)
                    .isEqualTo(200);
        }
        assertThat(local.answer(post(PING, "Origin", "null")).status()).isEqualTo(403);
        assertThat(local.answer(post(PING, "Origin", "http://localhost.evil.example"))
                        .status())
                .isEqualTo(403);

        StreamableHttp deployed = StreamableHttp.behindIam(FixedReads.endpoint(), 1_000_000);
        assertThat(deployed.answer(post(PING)).status()).isEqualTo(200);
        assertThat(deployed.answer(post(PING, "Origin", "http://localhost")).status())
                .isEqualTo(403);
    }

    @Test
    void malformedBatchedAndOversizeBodiesGetTheirStatusAndAJsonRpcError() throws Exception {
        StreamableHttp.Response malformed = local.answer(post("{\"jsonrpc\":"));
        StreamableHttp.Response batch = local.answer(post("[" + PING + "," + PING + "]"));
        StreamableHttp.Response oversize =
                local.answer(post("\"" + "x".repeat(StreamableHttp.MAX_REQUEST_BYTES) + "\""));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(error(malformed).get("code").asInt()).isEqualTo(-32700);
        assertThat(batch.status()).isEqualTo(400);
        assertThat(error(batch).get("code").asInt()).isEqualTo(-32600);
        assertThat(oversize.status()).isEqualTo(413);
        assertThat(error(oversize).get("message").asText()).contains(String.valueOf(StreamableHttp.MAX_REQUEST_BYTES));
    }

    @Test
    void headersOutsideTheTransportAreRefusedEachWithItsStatus() throws Exception {
        assertThat(local.answer(post(PING, "Content-Type", "text/plain")).status())
                .isEqualTo(415);
        assertThat(local.answer(post(PING, "Content-Type", null)).status()).isEqualTo(415);
        assertThat(local.answer(post(PING, "Accept", "text/html")).status()).isEqualTo(406);
        assertThat(local.answer(post(PING, "Accept", null)).status()).isEqualTo(200);
        assertThat(local.answer(post(PING, "Accept", "application/json")).status())
                .isEqualTo(200);
        StreamableHttp.Response future = local.answer(post(PING, "MCP-Protocol-Version", "2099-01-01"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(error(future).get("message").asText()).contains("2099-01-01").contains("2025-11-25");
        assertThat(local.answer(post(PING, "mcp-protocol-version", "2025-06-18"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownMethodSuchAsTheNextSpecsDiscoveryIsMethodNotFound() throws Exception {
        StreamableHttp.Response response =
                local.answer(post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"server/discover\"}"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asInt()).isEqualTo(7);
        assertThat(body.at("/error/code").asInt()).isEqualTo(-32601);
    }

    @Test
    void anAnswerLargerThanTheTransportTakesIsAnErrorNamingTheLimit() throws Exception {
        List<IncidentStateRow> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            IncidentId id = IncidentId.of("f" + i, Instant.parse("2026-11-23T08:00:00Z"));
            rows.add(new IncidentStateRow(
                    id,
                    "S3AccessError",
                    IncidentStatus.CONTEXT_GATHERED,
                    1,
                    null,
                    Instant.EPOCH,
                    1,
                    null,
                    null,
                    null,
                    id.failedAt(),
                    id.failedAt(),
                    1,
                    null));
        }
        StreamableHttp small = StreamableHttp.behindIam(FixedReads.endpoint(new IncidentPage(rows, null)), 10_000);
        String call =
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"list_incidents\"}}";

        StreamableHttp.Response response = small.answer(post(call));

        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("id").asInt()).isEqualTo(3);
        assertThat(body.at("/error/code").asInt()).isEqualTo(-32603);
        assertThat(body.at("/error/message").asText()).contains("exceeds this transport's 10000 bytes");
        assertThat(StreamableHttp.onLoopback(FixedReads.endpoint(new IncidentPage(rows, null)))
                        .answer(post(call))
                        .body())
                .contains("\"incidents\\\":[");
    }
}

package io.incidentsupervisor.adapter.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The MCP server without a transport: one JSON-RPC message in, its answer out, through the MCP Java SDK's stateless
 * handler. Every request gets a result or a JSON-RPC error; a message that is not one (bad JSON, a batch, no method)
 * gets the error JSON-RPC names for it, with id null when none can be read. No stack trace leaves it.
 */
public final class McpEndpoint {

    /** Every revision whose messages this server speaks; an initialize asking for another gets the newest. */
    public static final List<String> PROTOCOL_VERSIONS = List.of(
            ProtocolVersions.MCP_2024_11_05,
            ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18,
            ProtocolVersions.MCP_2025_11_25);

    private static final Logger LOG = LoggerFactory.getLogger("mcp");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final McpJsonMapper MCP_JSON = new JacksonMcpJsonMapper(JSON);

    /** What a message got: a JSON-RPC response to send, or (a notification, a response) nothing. */
    public record Answer(Kind kind, String json) {
        public enum Kind {
            /** The response to a request: a result, or an error the method gave. */
            ANSWERED,
            /** The message was not a JSON-RPC request or notification: {@code json} says why. */
            REFUSED,
            /** A notification or a response: taken, nothing to send. */
            ACCEPTED
        }
    }

    private final Handoff transport = new Handoff();
    /** Held so the server's handler stays wired to {@link #transport}. */
    @SuppressWarnings("unused")
    private final McpStatelessSyncServer server;

    public McpEndpoint(IncidentTools tools, String version) {
        this.server = McpServer.sync(transport)
                .jsonMapper(MCP_JSON)
                .serverInfo("incident-supervisor", version)
                .instructions("Read-only access to Lambda failure incidents and their deterministic diagnosis.")
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .immediateExecution(true)
                .tools(tools.all())
                .build();
    }

    /** The answer to one message, of at most {@code maxAnswerBytes} (a larger result is answered as an error). */
    public Answer answer(String message, int maxAnswerBytes) {
        JsonNode tree;
        try {
            tree = JSON.readTree(message);
        } catch (JsonProcessingException e) {
            return refused(null, ErrorCodes.PARSE_ERROR, "Parse error: the message is not JSON");
        }
        if (tree == null || tree.isMissingNode()) {
            return refused(null, ErrorCodes.PARSE_ERROR, "Parse error: the message is empty");
        }
        if (tree.isArray()) {
            return refused(
                    null,
                    ErrorCodes.INVALID_REQUEST,
                    "Batches are not supported (MCP removed JSON-RPC batching in 2025-06-18): send one message");
        }
        Object id = idOf(tree);
        if (!tree.isObject() || !"2.0".equals(tree.path("jsonrpc").asText(null))) {
            return refused(id, ErrorCodes.INVALID_REQUEST, "Invalid request: not a JSON-RPC 2.0 message");
        }
        if (tree.has("method") && !tree.get("method").isTextual()) {
            return refused(id, ErrorCodes.INVALID_REQUEST, "Invalid request: method must be a string");
        }
        if (tree.has("id") && id == null) {
            return refused(null, ErrorCodes.INVALID_REQUEST, "Invalid request: id must be a string or a number");
        }
        McpSchema.JSONRPCMessage parsed;
        try {
            parsed = McpSchema.deserializeJsonRpcMessage(MCP_JSON, message);
        } catch (IOException | IllegalArgumentException e) {
            return refused(id, ErrorCodes.INVALID_REQUEST, "Invalid request: neither a request nor a notification");
        }
        if (parsed instanceof JSONRPCRequest request) {
            String response = write(respond(request));
            int bytes = response.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxAnswerBytes) {
                return new Answer(
                        Answer.Kind.ANSWERED,
                        error(
                                request.id(),
                                ErrorCodes.INTERNAL_ERROR,
                                "The answer (" + bytes + " bytes) exceeds this transport's " + maxAnswerBytes
                                        + " bytes: ask for less (max_tokens, limit), or read it with the CLI"));
            }
            return new Answer(Answer.Kind.ANSWERED, response);
        }
        if (parsed instanceof JSONRPCNotification notification) {
            notify(notification);
        }
        return new Answer(Answer.Kind.ACCEPTED, null);
    }

    private JSONRPCResponse respond(JSONRPCRequest request) {
        try {
            JSONRPCResponse response = transport
                    .handler()
                    .handleRequest(McpTransportContext.EMPTY, request)
                    .block();
            if (response != null) {
                return response;
            }
            return JSONRPCResponse.error(
                    request.id(), new JSONRPCError(ErrorCodes.INTERNAL_ERROR, "No answer to " + request.method()));
        } catch (RuntimeException e) {
            LOG.atError()
                    .addKeyValue("method", request.method())
                    .addKeyValue("error", e.toString())
                    .log("MCP request failed");
            return JSONRPCResponse.error(
                    request.id(),
                    new JSONRPCError(
                            ErrorCodes.INTERNAL_ERROR,
                            request.method() + " failed: " + e.getClass().getSimpleName()));
        }
    }

    private void notify(JSONRPCNotification notification) {
        try {
            transport
                    .handler()
                    .handleNotification(McpTransportContext.EMPTY, notification)
                    .block();
        } catch (RuntimeException e) {
            LOG.atWarn()
                    .addKeyValue("method", notification.method())
                    .addKeyValue("error", e.toString())
                    .log("MCP notification failed");
        }
    }

    private static Answer refused(Object id, int code, String message) {
        return new Answer(Answer.Kind.REFUSED, error(id, code, message));
    }

    /** A JSON-RPC error response; unlike the SDK's record it keeps {@code "id": null}, as JSON-RPC requires. */
    static String error(Object id, int code, String message) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        response.set("id", JSON.valueToTree(id));
        response.putObject("error").put("code", code).put("message", message);
        return response.toString();
    }

    /** A request's id as JSON-RPC allows it (a string or a number), else null. */
    private static Object idOf(JsonNode tree) {
        JsonNode id = tree.path("id");
        if (id.isTextual()) {
            return id.asText();
        }
        return id.isIntegralNumber() ? id.numberValue() : null;
    }

    private static String write(JSONRPCResponse response) {
        try {
            return MCP_JSON.writeValueAsString(response);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON-RPC response could not be written", e);
        }
    }

    /** The SDK's stateless transport interface, only to receive the handler the server builds. */
    private static final class Handoff implements McpStatelessServerTransport {
        private McpStatelessServerHandler handler;

        @Override
        public void setMcpHandler(McpStatelessServerHandler handler) {
            this.handler = handler;
        }

        McpStatelessServerHandler handler() {
            return handler;
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.empty();
        }

        @Override
        public List<String> protocolVersions() {
            return PROTOCOL_VERSIONS;
        }
    }
}

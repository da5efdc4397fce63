package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.mcp.McpEndpoint;
import java.util.List;

/**
 * Walks the MCP path once before a SnapStart snapshot, without a side effect: the session's opening messages, the tool
 * list, a tool call refused for its arguments (no read), the token counter's vocabulary, and the table query rehearsed
 * without being sent ({@link AwsRehearsal}).
 */
final class McpPriming {

    private static final List<String> MESSAGES = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"priming\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"get_incident\","
                    + "\"arguments\":{}}}");

    private McpPriming() {}

    static void run(McpEndpoint endpoint, Stores stores, AwsClients clients) {
        for (String message : MESSAGES) {
            endpoint.answer(message, Integer.MAX_VALUE);
        }
        stores.tokenCounter().count("priming the vocabulary");
        AwsRehearsal.query(clients);
    }
}

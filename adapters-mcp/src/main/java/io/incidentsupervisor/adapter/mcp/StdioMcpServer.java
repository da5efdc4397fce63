package io.incidentsupervisor.adapter.mcp;

import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MCP's stdio transport: one JSON-RPC message a line in, each answer a line out, until the input ends. Messages are
 * answered one at a time, in order; a line that is no message gets its JSON-RPC error and the session goes on.
 */
public final class StdioMcpServer {

    /** A longer line is refused and skipped: the tools' arguments are a few hundred bytes. */
    static final int MAX_LINE_BYTES = StreamableHttp.MAX_REQUEST_BYTES;

    private final McpEndpoint endpoint;

    public StdioMcpServer(McpEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** Serves until {@code in} ends, then returns. */
    public void serve(InputStream input, OutputStream out) throws IOException {
        InputStream in = new BufferedInputStream(input);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean overlong = false;
        int read;
        while ((read = in.read()) >= 0) {
            if (read != '\n') {
                if (line.size() < MAX_LINE_BYTES) {
                    line.write(read);
                } else {
                    overlong = true;
                }
                continue;
            }
            answer(line, overlong, out);
            line.reset();
            overlong = false;
        }
        answer(line, overlong, out);
    }

    private void answer(ByteArrayOutputStream line, boolean overlong, OutputStream out) throws IOException {
        String message = line.toString(StandardCharsets.UTF_8).strip();
        if (overlong) {
            send(
                    McpEndpoint.error(
                            null,
                            ErrorCodes.INVALID_REQUEST,
                            "Message too large: at most " + MAX_LINE_BYTES + " bytes"),
                    out);
        } else if (!message.isEmpty()) {
            McpEndpoint.Answer answer = endpoint.answer(message, Integer.MAX_VALUE);
            if (answer.json() != null) {
                send(answer.json(), out);
            }
        }
    }

    private static void send(String json, OutputStream out) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }
}

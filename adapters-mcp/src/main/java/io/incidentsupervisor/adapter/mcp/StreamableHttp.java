package io.incidentsupervisor.adapter.mcp;

import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * MCP's Streamable HTTP transport (2025-11-25) in stateless mode, as rules over one HTTP request, shared by the local
 * server and the function URL: {@code POST /mcp} carries one JSON-RPC message and gets {@code application/json} back;
 * a notification gets 202; no session, no event stream, so GET and DELETE get 405. Every refusal carries a JSON-RPC
 * error body, id null.
 */
public final class StreamableHttp {

    public static final String PATH = "/mcp";
    /** A request body larger than this is refused (413): the tools' arguments are a few hundred bytes. */
    public static final int MAX_REQUEST_BYTES = 1 << 20;

    private static final String JSON = "application/json";
    /** The revisions that define Streamable HTTP; an {@code MCP-Protocol-Version} naming another is refused (400). */
    private static final Set<String> HTTP_VERSIONS =
            Set.of(ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18, ProtocolVersions.MCP_2025_11_25);

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** One HTTP request: its method, path, headers by case-insensitive name, and body. */
    public record Request(String method, String path, Function<String, Optional<String>> header, String body) {}

    /** One HTTP response; {@code body} is null for none. */
    public record Response(int status, Map<String, String> headers, String body) {}

    private final McpEndpoint endpoint;
    private final Predicate<String> originAllowed;
    private final int maxAnswerBytes;

    private StreamableHttp(McpEndpoint endpoint, Predicate<String> originAllowed, int maxAnswerBytes) {
        this.endpoint = endpoint;
        this.originAllowed = originAllowed;
        this.maxAnswerBytes = maxAnswerBytes;
    }

    /**
     * On 127.0.0.1: a browser's request is served only from a loopback origin, so a page whose name was rebound to this
     * machine (DNS rebinding) cannot read incidents.
     */
    public static StreamableHttp onLoopback(McpEndpoint endpoint) {
        return new StreamableHttp(endpoint, StreamableHttp::isLoopback, Integer.MAX_VALUE);
    }

    /**
     * Behind a function URL, where IAM authenticates every caller: no browser has a reason to call, so any origin is
     * refused; an answer stays within the {@code maxAnswerBytes} Lambda buffers.
     */
    public static StreamableHttp behindIam(McpEndpoint endpoint, int maxAnswerBytes) {
        return new StreamableHttp(endpoint, origin -> false, maxAnswerBytes);
    }

    public Response answer(Request request) {
        if (!PATH.equals(request.path())) {
            return refusal(404, "Not found: MCP is served at POST " + PATH);
        }
        if (!"POST".equals(request.method())) {
            Response refused = refusal(405, "Method not allowed: this stateless server takes POST only, no stream");
            return new Response(405, Map.of("Content-Type", JSON, "Allow", "POST"), refused.body());
        }
        Optional<String> origin = request.header().apply("Origin");
        if (origin.isPresent() && !originAllowed.test(origin.get())) {
            return refusal(403, "Forbidden: requests from origin " + origin.get() + " are not served");
        }
        if (request.body().getBytes(StandardCharsets.UTF_8).length > MAX_REQUEST_BYTES) {
            return refusal(413, "Payload too large: at most " + MAX_REQUEST_BYTES + " bytes");
        }
        if (!request.header().apply("Content-Type").map(StreamableHttp::isJson).orElse(false)) {
            return refusal(415, "Unsupported media type: the body must be application/json");
        }
        if (!request.header().apply("Accept").map(StreamableHttp::acceptsJson).orElse(true)) {
            return refusal(406, "Not acceptable: answers are application/json");
        }
        Optional<String> version = request.header().apply("MCP-Protocol-Version");
        if (version.isPresent() && !HTTP_VERSIONS.contains(version.get().trim())) {
            return refusal(
                    400,
                    "Bad request: unsupported MCP-Protocol-Version " + version.get() + "; supported: "
                            + List.copyOf(HTTP_VERSIONS).stream().sorted().toList());
        }
        McpEndpoint.Answer answer = endpoint.answer(request.body(), maxAnswerBytes);
        return switch (answer.kind()) {
            case ANSWERED -> new Response(200, Map.of("Content-Type", JSON), answer.json());
            case REFUSED -> new Response(400, Map.of("Content-Type", JSON), answer.json());
            case ACCEPTED -> new Response(202, Map.of(), null);
        };
    }

    private static Response refusal(int status, String message) {
        return new Response(
                status, Map.of("Content-Type", JSON), McpEndpoint.error(null, ErrorCodes.INVALID_REQUEST, message));
    }

    private static boolean isJson(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).trim().startsWith(JSON);
    }

    private static boolean acceptsJson(String accept) {
        String types = accept.toLowerCase(Locale.ROOT);
        return types.contains(JSON) || types.contains("application/*") || types.contains("*/*");
    }

    static boolean isLoopback(String origin) {
        try {
            String host = new URI(origin.trim()).getHost();
            return host != null && LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

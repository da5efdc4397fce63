package io.incidentsupervisor.adapter.mcp;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link StreamableHttp} behind a Lambda function URL (payload format 2.0), whose {@code AWS_IAM} auth has already
 * checked the caller's SigV4 signature. Lambda buffers the response: it must stay within 6 MB.
 */
public final class FunctionUrlHandler {

    /** A buffered function URL response is at most 6 MB; headers and the JSON envelope take the rest. */
    public static final int MAX_ANSWER_BYTES = 6_000_000 - 64 * 1024;

    private final StreamableHttp http;

    public FunctionUrlHandler(McpEndpoint endpoint) {
        this.http = StreamableHttp.behindIam(endpoint, MAX_ANSWER_BYTES);
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        StreamableHttp.Response response = http.answer(new StreamableHttp.Request(
                method(event), event.getRawPath(), name -> Optional.ofNullable(headers.get(name)), body(event)));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body() == null ? "" : response.body())
                .withIsBase64Encoded(false)
                .build();
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        if (event.getRequestContext() == null || event.getRequestContext().getHttp() == null) {
            return "";
        }
        return event.getRequestContext().getHttp().getMethod().toUpperCase(Locale.ROOT);
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return "";
        }
        return event.getIsBase64Encoded()
                ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                : event.getBody();
    }
}

package io.incidentsupervisor.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.mcp.McpEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * {@code supervisor verify}'s call of the MCP endpoint as an agent makes it: {@code initialize}, then {@code tools/list},
 * each a POST signed with SigV4 for service {@code lambda}, which a function URL with {@code AWS_IAM} auth checks.
 */
final class McpProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"supervisor verify\","
            + "\"version\":\"1\"}}}";
    private static final String TOOLS = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;

    McpProbe(SdkHttpClient http, AwsCredentialsProvider credentials, String region) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
    }

    /** The tools the endpoint at {@code url} ({@code .../mcp}) lists after it answered {@code initialize}. */
    List<String> tools(URI url) throws IOException {
        JsonNode initialized = post(url, INITIALIZE);
        String server = initialized.at("/result/serverInfo/name").asText();
        if (!"incident-supervisor".equals(server)) {
            throw new IOException("initialize answered " + initialized);
        }
        return names(post(url, TOOLS));
    }

    /** The tools this build's endpoint lists, asked without a transport: what a deployed one must list too. */
    static List<String> toolsOf(McpEndpoint endpoint) throws IOException {
        return names(JSON.readTree(endpoint.answer(TOOLS, Integer.MAX_VALUE).json()));
    }

    private static List<String> names(JsonNode toolsList) {
        List<String> tools = new ArrayList<>();
        for (JsonNode tool : toolsList.at("/result/tools")) {
            tools.add(tool.get("name").asText());
        }
        return tools;
    }

    private JsonNode post(URI url, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(url)
                .putHeader("Content-Type", "application/json")
                .putHeader("Accept", "application/json, text/event-stream")
                .putHeader("MCP-Protocol-Version", "2025-11-25")
                .build();
        SignedRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(credentials.resolveCredentials())
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                        .request(signed.request())
                        .contentStreamProvider(signed.payload().orElse(null))
                        .build())
                .call();
        String answer;
        try (InputStream in = response.responseBody().orElse(null)) {
            answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status = response.httpResponse().statusCode();
        if (status != 200) {
            throw new IOException("HTTP " + status + " from " + url + ": " + answer);
        }
        return JSON.readTree(answer);
    }
}

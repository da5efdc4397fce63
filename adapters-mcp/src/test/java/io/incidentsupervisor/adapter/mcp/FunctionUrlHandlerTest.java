package io.incidentsupervisor.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Function URL events in AWS's payload format 2.0, read by the Lambda runtime's own serializer, answered by the handler. */
class FunctionUrlHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS = LambdaEventSerializers.serializerFor(
            APIGatewayV2HTTPEvent.class, FunctionUrlHandlerTest.class.getClassLoader());

    private final FunctionUrlHandler handler = new FunctionUrlHandler(FixedReads.endpoint());

    private static APIGatewayV2HTTPEvent event(String name) throws Exception {
        try (InputStream json = FunctionUrlHandlerTest.class.getResourceAsStream("/function-url/" + name)) {
            return EVENTS.fromJson(json);
        }
    }

    @Test
    void aSignedToolsListIsAnsweredWithTheTools() throws Exception {
        APIGatewayV2HTTPResponse response = handler.handle(event("tools-list.json"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/json");
        assertThat(response.getIsBase64Encoded()).isFalse();
        JsonNode tools = JSON.readTree(response.getBody()).at("/result/tools");
        assertThat(tools)
                .extracting(tool -> tool.get("name").asText())
                .containsExactlyInAnyOrder(
                        "list_incidents",
                        "get_incident",
                        "get_incident_history",
                        "list_stale_incidents",
                        "get_evidence",
                        "list_root_causes");
    }

    @Test
    void aBase64BodyIsDecodedFirst() throws Exception {
        APIGatewayV2HTTPEvent event = event("tools-list.json");
        event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        assertThat(JSON.readTree(handler.handle(event).getBody()).at("/result/tools"))
                .hasSize(6);
    }

    @Test
    void aStreamIsNotOfferedAndABrowserIsNotServed() throws Exception {
        APIGatewayV2HTTPResponse get = handler.handle(event("get-stream.json"));
        APIGatewayV2HTTPEvent fromABrowser = event("tools-list.json");
        fromABrowser.getHeaders().put("origin", "https://console.aws.amazon.com");

        assertThat(get.getStatusCode()).isEqualTo(405);
        assertThat(JSON.readTree(get.getBody()).at("/error/code").asInt()).isEqualTo(-32600);
        assertThat(handler.handle(fromABrowser).getStatusCode()).isEqualTo(403);
    }
}

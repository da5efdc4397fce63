package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.incidentsupervisor.adapter.mcp.FunctionUrlHandler;
import org.slf4j.MDC;

/**
 * The class the Lambda runtime instantiates behind the MCP function URL ({@code AWS_IAM} auth): the incidents served
 * read-only over Streamable HTTP to agents that sign with SigV4. It wires the stores alone, no command side: its role
 * may only read the tables.
 */
public final class McpLambdaEntry implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final FunctionUrlHandler handler;

    public McpLambdaEntry() {
        this.handler = McpWiring.handler();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        MDC.put("requestId", context.getAwsRequestId());
        try {
            return handler.handle(event);
        } finally {
            MDC.remove("requestId");
        }
    }
}

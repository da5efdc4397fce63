package planted.adapters.adapter.mcp;

import planted.adapters.adapter.lambda.LambdaAdapter;

/** Planted: the MCP adapter calls the Lambda adapter instead of going through a port. */
public class McpToolCallingLambdaAdapter {
    String call() {
        return LambdaAdapter.handle();
    }
}

package planted.readonly.adapter.mcp;

import planted.readonly.application.port.in.HandleAlert;

/** Planted: an MCP tool that changes state, through the port that takes alerts. */
public class ToolHandlingAnAlert {
    String call(HandleAlert intake) {
        return intake.handle("{}");
    }
}

package planted.ports.adapter.mcp;

import planted.ports.application.investigation.UseCase;

/** Planted: an MCP tool calls a use case's class instead of its incoming port. */
public class ToolCallingAUseCase {
    public String call() {
        return new UseCase().handle();
    }
}

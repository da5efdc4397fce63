package planted.readonly.adapter.mcp;

import planted.readonly.application.port.in.ListIncidents;

/** Allowed: an MCP tool reading through a reading port. */
public class ToolListingIncidents {
    String call(ListIncidents incidents) {
        return incidents.list();
    }
}

package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.mcp.FunctionUrlHandler;
import io.incidentsupervisor.adapter.mcp.McpEndpoint;

/**
 * The MCP function URL's service, wired once per execution environment from the environment: the stores' reading ports
 * behind {@link McpEndpoint}, primed before a SnapStart snapshot.
 */
final class McpWiring {

    private McpWiring() {}

    private static final class Holder {
        static final Settings SETTINGS = Settings.forReading(System.getenv());
        static final AwsClients CLIENTS = new AwsClients(SETTINGS.region());
        static final Stores STORES = new Stores(SETTINGS, CLIENTS.dynamoDb());
        static final McpEndpoint ENDPOINT = STORES.mcp();
        /** Never read, only held: the CRaC context holds its resources weakly. */
        @SuppressWarnings("UnusedVariable")
        static final SnapStartHooks HOOKS = SnapStartHooks.register(() -> McpPriming.run(ENDPOINT, STORES, CLIENTS));

        static final FunctionUrlHandler HANDLER = new FunctionUrlHandler(ENDPOINT);
    }

    static FunctionUrlHandler handler() {
        return Holder.HANDLER;
    }
}

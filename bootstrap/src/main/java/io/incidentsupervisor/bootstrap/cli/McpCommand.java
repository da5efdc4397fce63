package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.adapter.mcp.LoopbackMcpServer;
import io.incidentsupervisor.adapter.mcp.McpEndpoint;
import io.incidentsupervisor.adapter.mcp.StdioMcpServer;
import io.incidentsupervisor.adapter.mcp.StreamableHttp;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the incidents to an agent over the Model Context Protocol, read-only: list_incidents, get_incident"
                    + " (at the caller's max_tokens), get_incident_history, list_stale_incidents, get_evidence,"
                    + " list_root_causes.",
            "On standard input and output until the client closes standard input; with --http, as Streamable HTTP"
                    + " (stateless) at POST http://127.0.0.1:PORT/mcp until Ctrl-C."
        })
final class McpCommand extends CliCommand {

    @Option(names = "--http", description = "Serve Streamable HTTP on 127.0.0.1 instead of stdio.")
    boolean http;

    @Option(
            names = "--port",
            defaultValue = "8765",
            description = "With --http, the port (default ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CliRuntime runtime = open(CliRuntime.Needs.STORES);
        McpEndpoint endpoint = runtime.stores().mcp();
        if (!http) {
            try (runtime) {
                new StdioMcpServer(endpoint).serve(System.in, System.out);
            }
            return SupervisorCli.OK;
        }
        LoopbackMcpServer server;
        try {
            server = LoopbackMcpServer.start(port, StreamableHttp.onLoopback(endpoint));
        } catch (IOException e) {
            runtime.close();
            err().println("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return SupervisorCli.FAILED;
        }
        return serveUntilStopped(
                server,
                runtime,
                "Serving MCP (Streamable HTTP, stateless) on http://127.0.0.1:"
                        + server.address().getPort() + StreamableHttp.PATH + " (this machine only); Ctrl-C stops.",
                "Stopped serving MCP.");
    }
}

package io.incidentsupervisor.bootstrap.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;

@Command(
        name = "mcp",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the incidents to an agent over the Model Context Protocol, on standard input and output, read-only:",
            "list_incidents, get_incident (at the caller's max_tokens), get_incident_history, list_stale_incidents, get_evidence.",
            "Runs until the client closes standard input."
        })
final class McpCommand extends CliCommand {

    @Override
    public Integer call() throws Exception {
        try (CliRuntime runtime = open(CliRuntime.Needs.STORES)) {
            CountDownLatch closed = new CountDownLatch(1);
            StdioServerTransportProvider transport = new StdioServerTransportProvider(
                    new JacksonMcpJsonMapper(new ObjectMapper()), new UntilEnd(System.in, closed), System.out);
            McpSyncServer server = McpServer.sync(transport)
                    .serverInfo("incident-supervisor", "0.1.0")
                    .instructions("Read-only access to Lambda failure incidents and their deterministic diagnosis.")
                    .capabilities(ServerCapabilities.builder().tools(false).build())
                    .tools(new IncidentTools(runtime.stores()).all())
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(closed::countDown));
            closed.await();
            server.closeGracefully();
        }
        return SupervisorCli.OK;
    }

    /** Standard input, which opens {@code closed} when the client closes its end: the server then stops. */
    private static final class UntilEnd extends FilterInputStream {
        private final CountDownLatch closed;

        UntilEnd(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            return ended(super.read());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return ended(super.read(buffer, offset, length));
        }

        private int ended(int read) {
            if (read < 0) {
                closed.countDown();
            }
            return read;
        }
    }
}

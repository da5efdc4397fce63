package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.bootstrap.cli.web.PageServer;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Serves the incident list and each incident's page on 127.0.0.1 (this machine only) until"
                + " interrupted (Ctrl-C).")
final class ServeCommand extends CliCommand {

    @Option(names = "--port", defaultValue = "8080", description = "The port (default ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CliRuntime runtime = open(CliRuntime.Needs.STORES);
        PageServer server;
        try {
            server = PageServer.start(port, runtime.stores(), runtime.description(), err());
        } catch (IOException e) {
            runtime.close();
            err().println("Cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
            return SupervisorCli.FAILED;
        }
        return serveUntilStopped(
                server,
                runtime,
                "Serving incidents on http://" + server.address().getAddress().getHostAddress() + ":"
                        + server.address().getPort() + "/ (this machine only); Ctrl-C stops.",
                "Stopped serving.");
    }
}

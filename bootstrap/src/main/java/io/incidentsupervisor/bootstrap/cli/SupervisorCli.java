package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.bootstrap.Stores;
import io.incidentsupervisor.domain.model.IncidentRefusal;
import io.incidentsupervisor.domain.model.InvalidAlert;
import io.incidentsupervisor.domain.model.InvalidConfiguration;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./supervisor}: the service on the command line, against the embedded default or the configured AWS endpoints. */
@Command(
        name = "supervisor",
        mixinStandardHelpOptions = true,
        version = "incident-supervisor " + Stores.VERSION,
        description = "Investigates Lambda failure alerts and answers questions about the incidents.",
        subcommands = {
            DemoCommand.class,
            HandleCommand.class,
            IncidentsCommand.class,
            CausesCommand.class,
            EventsCommand.class,
            HistoryCommand.class,
            ReportCommand.class,
            ServeCommand.class,
            ContextCommand.class,
            StaleCommand.class,
            RecoverCommand.class,
            RejectedCommand.class,
            ProjectionsCommand.class,
            McpCommand.class,
            VerifyCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:failure (nothing found, or AWS or the store failed)",
            "2:bad input or usage (arguments, files, configuration)"
        })
public final class SupervisorCli {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    final Map<String, String> environment;

    SupervisorCli(Map<String, String> environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        // Chosen before the first logger exists: the CLI's answer owns standard output.
        System.setProperty("logback.configurationFile", "logback-cli.xml");
        System.exit(run(args, System.getenv(), utf8(System.out), utf8(System.err)));
    }

    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new SupervisorCli(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> {
            boolean badInput = failure instanceof InvalidConfiguration
                    || failure instanceof InvalidAlert
                    || failure instanceof IllegalArgumentException
                    || failure instanceof NoSuchFileException;
            boolean explained = badInput || failure instanceof IncidentRefusal;
            failed.getErr()
                    .println(
                            failed.getColorScheme().errorText(explained ? failure.getMessage() : "Failed: " + failure));
            return badInput ? BAD_INPUT : FAILED;
        });
        return commandLine.execute(args);
    }
}

package io.incidentsupervisor.bootstrap.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command has: {@code --json}, its output streams, and the environment the CLI was started with. */
abstract class CliCommand implements Callable<Integer> {

    @Mixin
    CliOptions options;

    @Spec
    CommandSpec spec;

    /** The runtime a command reads or works on: the persisted embedded default, the configured endpoints, or AWS. */
    CliRuntime open(CliRuntime.Needs needs) {
        return CliRuntime.open(environment(), CliRuntime.Storage.PERSISTED, needs, options.aws);
    }

    Map<String, String> environment() {
        return ((SupervisorCli) spec.root().userObject()).environment;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Serves until Ctrl-C (SIGINT) or SIGTERM, which end the JVM through its shutdown hooks: then stops serving, closes
     * the store and says {@code stopped}. {@code serving} is printed once the server is up.
     */
    int serveUntilStopped(AutoCloseable server, CliRuntime runtime, String serving, String stopped)
            throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (runtime;
                    server) {
                err().println(stopped);
            } catch (Exception e) {
                err().println(stopped + " (" + e + ")");
            }
            err().flush();
            ended.countDown();
        }));
        out().println(serving);
        out().flush();
        ended.await();
        return SupervisorCli.OK;
    }
}

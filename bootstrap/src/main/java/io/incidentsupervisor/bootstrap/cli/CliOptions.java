package io.incidentsupervisor.bootstrap.cli;

import picocli.CommandLine.Option;

/** The option every command shares. */
final class CliOptions {

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;
}

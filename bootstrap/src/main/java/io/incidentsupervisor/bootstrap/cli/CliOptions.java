package io.incidentsupervisor.bootstrap.cli;

import picocli.CommandLine.Option;

/** The options every command shares. */
final class CliOptions {

    @Option(names = "--json", description = "Print the answer as JSON.")
    boolean json;

    @Option(
            names = "--aws",
            description = "Use the deployed tables in AWS, with the default AWS credential and region chain, instead of"
                    + " the embedded default. Creates nothing.")
    boolean aws;
}

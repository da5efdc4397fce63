package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** The sample alert handled by the CLI in this process, into the embedded store under {@code home}. */
final class SampleAlert {

    private SampleAlert() {}

    static void handleIn(Path home) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = SupervisorCli.run(
                new String[] {"handle", "--event", "../examples/sns-s3-access-error.json"},
                Map.of("SUPERVISOR_HOME", home.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(exitCode).as(err.toString()).isZero();
    }
}

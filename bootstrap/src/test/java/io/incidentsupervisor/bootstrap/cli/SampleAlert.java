package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The sample alert handled by the CLI in this process, into the embedded store under {@code home}. */
final class SampleAlert {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleAlert() {}

    /**
     * The sample alert's SNS event again, {@code minutes} after the first failure, with its own message id: a repeat of
     * the same failure, written under {@code home}.
     */
    static Path repeat(Path home, int minutes) throws IOException {
        ObjectNode event = (ObjectNode)
                JSON.readTree(Path.of("../examples/sns-s3-access-error.json").toFile());
        ObjectNode sns = (ObjectNode) event.get("Records").get(0).get("Sns");
        ObjectNode alert = (ObjectNode) JSON.readTree(sns.get("Message").asText());
        alert.put(
                "timestamp",
                Instant.parse("2026-11-23T08:00:00.512Z")
                        .plusSeconds(60L * minutes)
                        .toString());
        sns.put("Message", JSON.writeValueAsString(alert));
        sns.put("MessageId", "95df01b4-ee98-5cb9-9903-4c221d41eb" + String.format("%02d", minutes));
        Path file = home.resolve("alert-" + minutes + ".json");
        Files.writeString(file, JSON.writeValueAsString(event));
        return file;
    }

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

package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.bootstrap.SampleIncident;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./supervisor} as a newcomer runs it: separate processes, the packaged CLI jar, the embedded default. */
class SupervisorScriptIT {

    private static final Path SCRIPT = Path.of("../supervisor").toAbsolutePath().normalize();
    private static final Path EXAMPLES = Path.of("../examples").toAbsolutePath().normalize();

    @TempDir
    Path workingDirectory;

    private record Run(int exitCode, String out, String err) {}

    private Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Path out = workingDirectory.resolve("out.txt");
        Path err = workingDirectory.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment()
                .keySet()
                .removeIf(variable -> variable.startsWith("AWS_") || variable.equals("SUPERVISOR_HOME"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void demoRunsAndExitsZero() throws Exception {
        Run demo = run(Map.of(), "demo");

        assertThat(demo.exitCode()).as(demo.err()).isZero();
        assertThat(demo.out())
                .contains("Investigated")
                .contains("Duplicate")
                .contains("Timeline of data-processor#2026-11-23T08:00:00.512Z")
                .contains("\"tokenCount\"");
    }

    @Test
    void handleThenHistoryInASecondProcessSeesTheIncidentUnderDotSupervisor() throws Exception {
        Run handled = run(
                Map.of(),
                "handle",
                "--event",
                EXAMPLES.resolve("sns-s3-access-error.json").toString());
        assertThat(handled.exitCode()).as(handled.err()).isZero();
        assertThat(workingDirectory.resolve(".supervisor")).isDirectory();

        Run history = run(Map.of(), "history", "data-processor#2026-11-23T08:00:00.512Z", "--json");
        assertThat(history.exitCode()).as(history.err()).isZero();
        JsonNode events = new ObjectMapper().readTree(history.out());
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(SampleIncident.EVENT_TYPES);
    }

    @Test
    void verifyAgainstTheLocalStackPrintsAJsonReportWhereEveryCheckPasses() throws Exception {
        Run verify = run(Map.of(), "verify", "--json");

        assertThat(verify.exitCode()).as(verify.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(verify.out());
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("checks"))
                .hasSize(13)
                .allSatisfy(check -> assertThat(check.get("passed").asBoolean())
                        .as(check.toString())
                        .isTrue());
    }

    @Test
    void invalidConfigurationFailsAtStartNamingTheVariable() throws Exception {
        Run run = run(Map.of("TOKEN_BUDGET", "-1"), "stale");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("TOKEN_BUDGET");
        assertThat(run.out()).isEmpty();
    }
}

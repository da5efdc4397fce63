package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.bootstrap.Deployment;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks a deployed (or the local) stack: every table with the keys, indexes and TTL the code expects, every function",
            "Active with the expected runtime and handler, the MCP function URL (AWS_IAM) answering a SigV4-signed initialize and",
            "tools/list, and a synthetic alert investigated end to end (through the deployed function with lambda:Invoke, or in",
            "this process on the embedded default). Exit code 0 only if every check passes."
        })
final class VerifyCommand extends CliCommand {

    /** The verification report. */
    record Report(String target, boolean passed, List<StackChecks.Check> checks, long durationMillis) {}

    @Option(
            names = "--function",
            defaultValue = Deployment.FUNCTION,
            description = "The SNS-triggered function (default ${DEFAULT-VALUE}).")
    String function;

    @Option(
            names = "--recovery-function",
            defaultValue = Deployment.RECOVERY_FUNCTION,
            description = "The scheduled recovery function (default ${DEFAULT-VALUE}).")
    String recoveryFunction;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        List<StackChecks.Check> checks;
        String target;
        try (CliRuntime runtime = open(CliRuntime.Needs.SERVICE)) {
            target = runtime.embedded
                    ? "local (embedded DynamoDB Local, sample account)"
                    : "AWS (" + runtime.settings().region() + ")";
            checks = new StackChecks(runtime, function, recoveryFunction).run();
        }
        boolean passed = checks.stream().allMatch(StackChecks.Check::passed);
        Report report = new Report(
                target,
                passed,
                checks,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        if (options.json) {
            Timeline.printJson(report, out());
        } else {
            out().println("Verifying " + report.target() + ":");
            checks.forEach(c -> out().printf(
                            "  %-4s %-45s %5d ms  %s%n",
                            c.passed() ? "ok" : "FAIL", c.name(), c.durationMillis(), c.detail()));
            out().println(passed ? "All checks passed." : "Some checks failed.");
        }
        return passed ? SupervisorCli.OK : SupervisorCli.FAILED;
    }
}

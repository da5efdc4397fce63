package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "handle",
        mixinStandardHelpOptions = true,
        description =
                "Handles an SNS event JSON file exactly as the Lambda does: each record's alert is investigated, a malformed one kept as rejected.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every record was investigated, refused or a duplicate",
            "1:a record failed (and none was rejected)",
            "2:a record was rejected as malformed (named on standard error), or bad usage"
        })
final class HandleCommand extends CliCommand {
    @Option(names = "--event", required = true, paramLabel = "FILE", description = "An SNS event, as in examples/.")
    Path event;

    @Override
    public Integer call() throws Exception {
        SNSEvent sns = SnsEvents.read(event);
        try (CliRuntime runtime = open(CliRuntime.Needs.SERVICE)) {
            List<Deliveries.Delivered> delivered =
                    Deliveries.deliver(runtime.service().snsHandler(), sns, Clock.systemUTC());
            if (options.json) {
                Timeline.printJson(delivered, out());
            } else {
                delivered.forEach(d -> out().printf(
                                "%s  %-12s %s  %s%n",
                                d.messageId(), d.outcome(), d.incidentId() == null ? "-" : d.incidentId(), d.detail()));
            }
            return exitCode(delivered);
        }
    }

    private int exitCode(List<Deliveries.Delivered> delivered) {
        delivered.stream()
                .filter(d ->
                        d.outcome().equals(Deliveries.REJECTED) || d.outcome().equals(Deliveries.FAILED))
                .forEach(d -> err().printf("%s %s: %s%n", d.outcome(), d.messageId(), d.detail()));
        if (delivered.stream().anyMatch(d -> d.outcome().equals(Deliveries.REJECTED))) {
            return SupervisorCli.BAD_INPUT;
        }
        return delivered.stream().anyMatch(d -> d.outcome().equals(Deliveries.FAILED))
                ? SupervisorCli.FAILED
                : SupervisorCli.OK;
    }
}

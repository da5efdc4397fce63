package io.incidentsupervisor.bootstrap.cli;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.domain.model.Text;
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

    /** {@code --json} for an SQS event: each message's outcome, and the partial batch response. */
    private record BatchReport(List<Deliveries.Delivered> records, SQSBatchResponse batchResponse) {}

    @Option(
            names = "--event",
            required = true,
            paramLabel = "FILE",
            description = "An SNS or SQS event, as in examples/ (the type is read from the file).")
    Path event;

    @Override
    public Integer call() throws Exception {
        LambdaEvents.Event read = LambdaEvents.read(event);
        try (CliRuntime runtime = open(CliRuntime.Needs.SERVICE)) {
            List<Deliveries.Delivered> delivered;
            SQSBatchResponse batchResponse = null;
            if (read.sqs() != null) {
                Deliveries.Batch batch =
                        Deliveries.deliver(runtime.service().sqsHandler(), read.sqs(), Clock.systemUTC());
                delivered = batch.delivered();
                batchResponse = batch.response();
            } else {
                delivered = Deliveries.deliver(runtime.service().snsHandler(), read.sns(), Clock.systemUTC());
            }
            if (options.json) {
                Timeline.printJson(
                        batchResponse == null ? delivered : new BatchReport(delivered, batchResponse), out());
            } else {
                delivered.forEach(d -> out().printf(
                                "%s  %-12s %s  %s%n",
                                Text.printable(d.messageId()),
                                d.outcome(),
                                d.incidentId() == null ? "-" : Text.printable(d.incidentId()),
                                Text.printable(d.detail())));
                if (batchResponse != null) {
                    out().println("Batch response: " + Json.mapper().writeValueAsString(batchResponse));
                }
            }
            return exitCode(delivered);
        }
    }

    private int exitCode(List<Deliveries.Delivered> delivered) {
        delivered.stream()
                .filter(d ->
                        d.outcome().equals(Deliveries.REJECTED) || d.outcome().equals(Deliveries.FAILED))
                .forEach(d -> err().printf(
                                "%s %s: %s%n", d.outcome(), Text.printable(d.messageId()), Text.printable(d.detail())));
        if (delivered.stream().anyMatch(d -> d.outcome().equals(Deliveries.REJECTED))) {
            return SupervisorCli.BAD_INPUT;
        }
        return delivered.stream().anyMatch(d -> d.outcome().equals(Deliveries.FAILED))
                ? SupervisorCli.FAILED
                : SupervisorCli.OK;
    }
}

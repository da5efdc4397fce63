package io.incidentsupervisor.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.CollectorFinished;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRecurred;
import io.incidentsupervisor.domain.model.InvestigationFailed;
import io.incidentsupervisor.domain.model.InvestigationRetried;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import io.incidentsupervisor.domain.model.Text;
import java.io.PrintWriter;
import java.util.List;

/** How the CLI prints: an incident's events one line each, and anything as indented JSON. */
public final class Timeline {

    static final ObjectMapper JSON = Json.answers().enable(SerializationFeature.INDENT_OUTPUT);

    private Timeline() {}

    /** One line an event; every untrusted field's control characters escaped, so none can forge a line. */
    static void print(List<AuditEntry> history, PrintWriter out) {
        for (AuditEntry entry : history) {
            out.printf(
                    "  #%-3d %-27s %-21s %s%n",
                    entry.sequence(), entry.timestamp(), entry.type(), Text.printable(describe(entry.event())));
        }
    }

    public static String describe(IncidentEvent event) {
        if (event instanceof IncidentReceived received) {
            return received.alert().errorType() + " (" + received.alert().errorCode() + "): "
                    + received.alert().errorMessage();
        }
        if (event instanceof InvestigationStarted started) {
            return "attempt " + started.attempt() + ", lease until " + started.leaseUntil();
        }
        if (event instanceof CollectorFinished finished) {
            return finished.collector() + (finished.succeeded() ? " succeeded" : " failed") + ", lease renewed to "
                    + finished.leaseUntil();
        }
        if (event instanceof ContextGathered gathered) {
            return gathered.context().results().size() + " collector results, "
                    + gathered.context().tokenCount() + " tokens";
        }
        if (event instanceof InvestigationFailed failed) {
            return failed.reason().type()
                    + (failed.reason().retryable() ? " (retryable): " : ": ")
                    + failed.reason().message();
        }
        if (event instanceof IncidentDiagnosed diagnosed) {
            Diagnosis diagnosis = diagnosed.diagnosis();
            return diagnosis.denials().size() + " denial(s), change evidence " + diagnosis.changeEvidence()
                    + (diagnosis.suspectedChange() == null
                            ? ""
                            : ": " + diagnosis.suspectedChange().eventName() + " by "
                                    + diagnosis.suspectedChange().actorArn() + " at "
                                    + diagnosis.suspectedChange().time());
        }
        if (event instanceof IncidentRecurred recurred) {
            return "failed again at " + recurred.failedAt() + " (message " + recurred.messageId() + "), counted";
        }
        if (event instanceof InvestigationRetried retried) {
            return "attempt " + retried.abandonedAttempt() + " abandoned: " + retried.cause();
        }
        return event.toString();
    }

    static void printJson(Object value, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}

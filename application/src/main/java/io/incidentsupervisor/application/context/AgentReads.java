package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.port.in.AgentEvidence;
import io.incidentsupervisor.application.port.in.AgentVerdict;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.ReadIncidentForAgent;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.application.port.out.RootCause;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.domain.model.TruncationReport;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads an incident for one agent: the history from the event store, the verdict, and the recorded evidence fitted, at
 * read time, so that the whole answer stays within the tokens the agent asked for ({@code 0}: whole).
 */
public final class AgentReads implements ReadIncidentForAgent {

    private final ReadIncidentHistory history;
    private final ContextFitter fitter;

    public AgentReads(ReadIncidentHistory history, ContextFitter fitter) {
        this.history = Objects.requireNonNull(history, "history");
        this.fitter = Objects.requireNonNull(fitter, "fitter");
    }

    @Override
    public Optional<AgentAnswer> read(IncidentId incidentId, int maxTokens) {
        return recorded(incidentId).map(recorded -> {
            Incident incident = recorded.incident();
            AgentVerdict verdict = AgentVerdict.of(incident.diagnosis());
            EnrichedContext whole = recorded.evidence();
            if (whole == null) {
                return answer(incident, verdict, null);
            }
            TruncationReport roomForTheReport = widestReport(whole);
            EnrichedContext fitted = fitter.fit(
                    whole,
                    new TokenBudget(maxTokens),
                    (alert, results) ->
                            write(answer(incident, verdict, AgentEvidence.of(alert, results, roomForTheReport))));
            return answer(incident, verdict, AgentEvidence.of(fitted.alert(), fitted.results(), fitted.truncation()));
        });
    }

    private static AgentAnswer answer(Incident incident, AgentVerdict verdict, AgentEvidence evidence) {
        return new AgentAnswer(
                incident.id().value(),
                incident.status(),
                incident.attempt(),
                incident.status() == IncidentStatus.INVESTIGATING ? incident.leaseUntil() : null,
                incident.failure(),
                incident.occurrences().firstSeen(),
                incident.occurrences().lastSeen(),
                incident.occurrences().count(),
                RootCause.of(incident.diagnosis())
                        .map(change -> new RootCauseRef(change.eventId()))
                        .orElse(null),
                verdict,
                evidence,
                evidence == null ? null : EVIDENCE_IS_UNTRUSTED);
    }

    @Override
    public Optional<EvidenceItem> evidence(IncidentId incidentId, String evidenceId) {
        return recorded(incidentId).map(incident -> {
            RecordedEvidence recorded = RecordedEvidence.of(incident.incident(), incident.evidence());
            return recorded.item(evidenceId)
                    .orElseThrow(() -> new IllegalArgumentException("Incident " + incidentId + " has no evidence "
                            + evidenceId + "; it has " + recorded.ids()));
        });
    }

    private record Recorded(Incident incident, EnrichedContext evidence) {}

    private Optional<Recorded> recorded(IncidentId incidentId) {
        List<IncidentEvent> events =
                history.history(incidentId).stream().map(AuditEntry::event).toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        EnrichedContext evidence = events.stream()
                .filter(ContextGathered.class::isInstance)
                .map(event -> ((ContextGathered) event).context())
                .reduce((first, second) -> second)
                .orElse(null);
        return Optional.of(new Recorded(Incident.replay(events), evidence));
    }

    /**
     * A report at least as long as any the fitting can write: every source dropped, every count six digits wide (a
     * recorded event stays under DynamoDB's 400 KB item, far fewer tokens than a million).
     */
    private static TruncationReport widestReport(EnrichedContext whole) {
        int widest = 999_999;
        Map<String, Integer> everyEntry = new TreeMap<>();
        whole.results().forEach(result -> everyEntry.put(result.source(), widest));
        List<String> everySource =
                whole.results().stream().map(CollectorResult::source).toList();
        return new TruncationReport(
                whole.truncation().tokenizer(), widest, widest, widest, everyEntry, everySource, widest);
    }

    private static String write(Object answer) {
        try {
            return Json.forAgents().writeValueAsString(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

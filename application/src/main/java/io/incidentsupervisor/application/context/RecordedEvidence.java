package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.in.AgentVerdict;
import io.incidentsupervisor.application.port.in.ReadIncidentForAgent;
import io.incidentsupervisor.application.port.in.ReadIncidentForAgent.EvidenceItem;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ConsoleLinks;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.Incident;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every evidence item of an incident by its id, whole as it was recorded: {@code alert}; each collector's result by
 * the collector's name; each log line or policy statement by the id it was recorded with ({@code logs:4},
 * {@code iam:inline/results-write#1}); {@code diagnosis}, the verdict as recorded; the suspected change by
 * {@code cloudtrail:<event id>}; and {@code revert-document}, the document its undo command names.
 */
final class RecordedEvidence {

    static final String DIAGNOSIS = "diagnosis";
    private static final String CONSOLE_LINK = "consoleLink";

    private final Map<String, EvidenceItem> items = new LinkedHashMap<>();

    private RecordedEvidence() {}

    static RecordedEvidence of(Incident incident, EnrichedContext evidence) {
        RecordedEvidence recorded = new RecordedEvidence();
        if (evidence != null) {
            recorded.add("alert", evidence.alert(), null);
            for (CollectorResult result : evidence.results()) {
                recorded.add(result.source(), result, link(result.data()));
                for (ContextEntry entry : result.entries()) {
                    if (entry.content().get("id") instanceof String id) {
                        recorded.add(id, entry.content(), link(entry.content()));
                    }
                }
            }
        }
        Diagnosis diagnosis = incident.diagnosis();
        if (diagnosis != null) {
            recorded.add(DIAGNOSIS, diagnosis, null);
            if (diagnosis.suspectedChange() != null) {
                String eventId = diagnosis.suspectedChange().eventId();
                recorded.add(
                        AgentVerdict.CLOUDTRAIL + eventId,
                        diagnosis.suspectedChange(),
                        ConsoleLinks.cloudTrailEvent(eventId));
            }
            if (!diagnosis.revertDocument().isEmpty()) {
                recorded.add(AgentVerdict.REVERT_DOCUMENT, diagnosis.revertDocument(), null);
            }
        }
        return recorded;
    }

    Optional<EvidenceItem> item(String id) {
        return Optional.ofNullable(items.get(id));
    }

    List<String> ids() {
        return List.copyOf(items.keySet());
    }

    private void add(String id, Object evidence, String consoleLink) {
        items.putIfAbsent(id, new EvidenceItem(id, evidence, consoleLink, ReadIncidentForAgent.EVIDENCE_IS_UNTRUSTED));
    }

    private static String link(Map<String, Object> content) {
        return content.get(CONSOLE_LINK) instanceof String link ? link : null;
    }
}

package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.TruncationReport;
import java.util.List;

/**
 * The evidence of an agent's answer: the alert, the results the budget kept (a source it dropped whole is named in the
 * report, not repeated as an empty result), and the report of what was cut.
 */
public record AgentEvidence(IncidentAlert alert, List<CollectorResult> results, TruncationReport truncation) {

    public static AgentEvidence of(IncidentAlert alert, List<CollectorResult> results, TruncationReport truncation) {
        return new AgentEvidence(
                alert, results.stream().filter(result -> !droppedWhole(result)).toList(), truncation);
    }

    /** What the budget leaves of a source it drops whole: nothing but its name and the truncated flag. */
    private static boolean droppedWhole(CollectorResult result) {
        return result.truncated() && result.data().isEmpty() && result.entries().isEmpty() && result.error() == null;
    }
}

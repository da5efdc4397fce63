package io.incidentsupervisor.domain.diagnosis;

import java.util.List;

/**
 * A change that explains a denial: the suspect, the revert (a command, and the document it names), and, for a deploy
 * whose code needs what the role never had, the statement that would allow it.
 */
record Explained(SuspectedChange suspect, String revert, String revertDocument, String suggestedGrant) {

    Explained(SuspectedChange suspect, String revert, String revertDocument) {
        this(suspect, revert, revertDocument, "");
    }

    static SuspectedChange suspect(Change change, String removed, String explanation) {
        return suspect(change, removed, explanation, List.of());
    }

    static SuspectedChange suspect(Change change, String removed, String explanation, List<String> atRisk) {
        return new SuspectedChange(
                change.eventName(),
                change.eventId(),
                change.time(),
                change.actorArn(),
                change.actorType(),
                change.policyName().isEmpty() ? change.target() : change.policyName(),
                removed,
                explanation,
                atRisk,
                List.of());
    }
}

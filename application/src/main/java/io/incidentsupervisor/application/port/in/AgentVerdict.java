package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.DenialReason;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.Diagnosis.ChangeEvidence;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import io.incidentsupervisor.domain.diagnosis.SuspectedChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A diagnosis as its readers get it, every fact in a sentence that cites the evidence it rests on ({@code [logs:4]},
 * {@code [cloudtrail:<event id>]}): compact, so that it fits whole in the smallest budget an agent may ask for. The
 * change itself (with the statement it removed) is the evidence its cause cites, and the document an undo command needs
 * is evidence {@value #REVERT_DOCUMENT}: both are read whole with {@code get_evidence}. {@code deniedElsewhere} says
 * where a denial outside the role lies, {@code atRisk} names the other roles a changed managed policy breaks and
 * {@code atRiskFunctions} the supervised functions that run as one of them, and
 * {@code suggestedGrant} is the statement a deploy's new code needs.
 */
public record AgentVerdict(
        ChangeEvidence changeEvidence,
        Instant evidencePendingUntil,
        List<String> denied,
        String roleNow,
        String cause,
        String undo,
        List<String> notChecked,
        String deniedElsewhere,
        List<String> atRisk,
        List<String> atRiskFunctions,
        String suggestedGrant) {

    /** The evidence id of the policy document an undo command names. */
    public static final String REVERT_DOCUMENT = "revert-document";
    /** The evidence id prefix of a CloudTrail event. */
    public static final String CLOUDTRAIL = "cloudtrail:";

    /** The verdict of {@code diagnosis}; null when there is none. */
    public static AgentVerdict of(Diagnosis diagnosis) {
        if (diagnosis == null) {
            return null;
        }
        List<String> denied = new ArrayList<>();
        List<Simulation> unmatched = new ArrayList<>(diagnosis.simulations());
        for (Denial denial : diagnosis.denials()) {
            String simulated = unmatched.stream()
                    .filter(simulation -> simulation.action().equals(denial.action())
                            && simulation.resource().equals(denial.resource()))
                    .findFirst()
                    .map(simulation -> {
                        unmatched.remove(simulation);
                        return "; simulator: " + simulated(simulation);
                    })
                    .orElse("");
            denied.add(denial.action() + " on " + orUnnamed(denial.resource()) + " by "
                    + (denial.role().isEmpty() ? denial.principal() : "role " + denial.role()) + ": "
                    + reason(denial.reason()) + simulated + " [" + denial.evidence() + "]");
        }
        unmatched.forEach(simulation -> denied.add("simulated " + simulation.action() + " on "
                + orUnnamed(simulation.resource()) + ": " + simulated(simulation)));
        SuspectedChange change = diagnosis.suspectedChange();
        return new AgentVerdict(
                diagnosis.changeEvidence(),
                diagnosis.evidencePendingUntil(),
                denied,
                diagnosis.roleNow(),
                change == null
                        ? ""
                        : change.eventName() + " by " + change.actorArn() + " (" + change.actorType() + ") at "
                                + change.time() + ": " + change.explanation() + " [" + CLOUDTRAIL + change.eventId()
                                + "]",
                diagnosis.revert().isEmpty()
                        ? ""
                        : diagnosis.revert() + " (suggested, never run by the supervisor"
                                + (diagnosis.revertDocument().isEmpty() ? ")" : "; the file: " + REVERT_DOCUMENT + ")"),
                diagnosis.gaps(),
                diagnosis.deniedElsewhere(),
                change == null ? List.of() : change.atRisk(),
                change == null ? List.of() : change.atRiskFunctions(),
                diagnosis.suggestedGrant().isEmpty()
                        ? ""
                        : diagnosis.suggestedGrant() + " (suggested, never applied by the supervisor)");
    }

    private static String simulated(Simulation simulation) {
        return simulation.decision()
                + (simulation.matchedStatements().isEmpty()
                        ? ""
                        : " by " + String.join(", ", simulation.matchedStatements()));
    }

    private static String reason(DenialReason reason) {
        String type = reason.policyType().words();
        return switch (reason.effect()) {
            case IMPLICIT -> "no " + type + " allows it";
            case EXPLICIT ->
                "explicitly denied by a " + type + (reason.policyArn().isEmpty() ? "" : " " + reason.policyArn());
            case UNKNOWN -> "AWS did not say why";
        };
    }

    private static String orUnnamed(String resource) {
        return resource.isEmpty() ? "(resource not named)" : resource;
    }
}

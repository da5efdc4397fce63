package io.incidentsupervisor.domain.diagnosis;

import io.incidentsupervisor.domain.model.Text;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The deterministic verdict on an incident: what was denied, what the role's policies and IAM's simulator say of it
 * now, the change that
 * most likely caused it, how to undo it (a command for an operator, never run by the supervisor, and the policy document
 * it names, when it needs one), whether change
 * evidence may still arrive, and what could not be checked. {@code deniedElsewhere} says where the denial lies when it
 * is outside the role's policies (an organization, resource-based, session or VPC endpoint policy), and
 * {@code suggestedGrant} is the least-privilege statement a deploy's new code needs, a suggestion never applied.
 */
public record Diagnosis(
        List<Denial> denials,
        String roleNow,
        List<Simulation> simulations,
        SuspectedChange suspectedChange,
        String revert,
        String revertDocument,
        ChangeEvidence changeEvidence,
        Instant evidencePendingUntil,
        List<String> gaps,
        String deniedElsewhere,
        String suggestedGrant) {

    /** Where the search for the change that caused the denial stands. */
    public enum ChangeEvidence {
        /** A change that explains the denial was found. */
        FOUND,
        /** None yet, and CloudTrail may still deliver it: checked again until {@code evidencePendingUntil}. */
        PENDING,
        /** None in the look-back, and the delivery delay has passed. */
        NOT_FOUND,
        /** The role's history could not be read (see the gaps). */
        UNAVAILABLE,
        /** No denial to explain. */
        NOT_NEEDED,
        /**
         * The denial lies in a policy whose changes this account cannot see (an organization policy without read access
         * to the organization's events, a session or VPC endpoint policy): no change here is blamed for it.
         */
        OUT_OF_VIEW
    }

    /** Bounds that keep a verdict small enough to be counted first and never cut: an agent always gets it whole. */
    public static final int MAX_DENIALS = 5;

    public static final int MAX_SIMULATIONS = 3;
    public static final int MAX_GAPS = 10;
    /** IAM's own limit on an inline policy document, so a revert document is never cut. */
    public static final int MAX_DOCUMENT_LENGTH = 10_240;

    public Diagnosis {
        denials = List.copyOf(denials.subList(0, Math.min(denials.size(), MAX_DENIALS)));
        roleNow = Text.capped(roleNow, Text.SHORT);
        simulations = List.copyOf(simulations.subList(0, Math.min(simulations.size(), MAX_SIMULATIONS)));
        revert = Text.capped(revert, Text.SHORT);
        revertDocument = revertDocument == null || revertDocument.length() > MAX_DOCUMENT_LENGTH ? "" : revertDocument;
        Objects.requireNonNull(changeEvidence, "changeEvidence");
        gaps = gaps.stream()
                .limit(MAX_GAPS)
                .map(gap -> Text.capped(gap, Text.SHORT))
                .toList();
        deniedElsewhere = Text.capped(deniedElsewhere == null ? "" : deniedElsewhere, Text.SHORT);
        suggestedGrant = suggestedGrant == null || suggestedGrant.length() > MAX_DOCUMENT_LENGTH ? "" : suggestedGrant;
    }

    /** A verdict of the first revision: the denial in the role's policies, no grant suggested. */
    public Diagnosis(
            List<Denial> denials,
            String roleNow,
            List<Simulation> simulations,
            SuspectedChange suspectedChange,
            String revert,
            String revertDocument,
            ChangeEvidence changeEvidence,
            Instant evidencePendingUntil,
            List<String> gaps) {
        this(
                denials,
                roleNow,
                simulations,
                suspectedChange,
                revert,
                revertDocument,
                changeEvidence,
                evidencePendingUntil,
                gaps,
                "",
                "");
    }

    public boolean pending() {
        return changeEvidence == ChangeEvidence.PENDING;
    }

    /**
     * The same verdict naming, beside the roles at risk from its change, the functions that run as one of them, from
     * {@code roleOfFunction} (function name to role name) in the order of its keys.
     */
    public Diagnosis withAtRiskFunctions(Map<String, String> roleOfFunction) {
        if (suspectedChange == null || suspectedChange.atRisk().isEmpty()) {
            return this;
        }
        List<String> functions = roleOfFunction.entrySet().stream()
                .filter(function -> suspectedChange.atRisk().contains(function.getValue()))
                .map(Map.Entry::getKey)
                .toList();
        return new Diagnosis(
                denials,
                roleNow,
                simulations,
                suspectedChange.withAtRiskFunctions(functions),
                revert,
                revertDocument,
                changeEvidence,
                evidencePendingUntil,
                gaps,
                deniedElsewhere,
                suggestedGrant);
    }
}

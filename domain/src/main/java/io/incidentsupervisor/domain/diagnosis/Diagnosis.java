package io.incidentsupervisor.domain.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The deterministic verdict on an incident: what was denied, what the simulator says of the role now, the change that
 * most likely caused it, how to undo it (a command for an operator, never run by the supervisor, and the policy document
 * it names, when it needs one), whether change
 * evidence may still arrive, and what could not be checked.
 */
public record Diagnosis(
        List<Denial> denials,
        List<Simulation> simulations,
        SuspectedChange suspectedChange,
        String revert,
        String revertDocument,
        ChangeEvidence changeEvidence,
        Instant evidencePendingUntil,
        List<String> gaps) {

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
        NOT_NEEDED
    }

    public Diagnosis {
        denials = List.copyOf(denials);
        simulations = List.copyOf(simulations);
        revert = revert == null ? "" : revert;
        revertDocument = revertDocument == null ? "" : revertDocument;
        Objects.requireNonNull(changeEvidence, "changeEvidence");
        gaps = List.copyOf(gaps);
    }

    public boolean pending() {
        return changeEvidence == ChangeEvidence.PENDING;
    }
}

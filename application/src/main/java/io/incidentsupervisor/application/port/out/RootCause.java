package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.SuspectedChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CloudTrail change an incident's verdict blames, as its group names it: the event's id (what incidents are grouped
 * by), its name, when and by whom, the policy it touched, the revert, the role it broke (the incident's), and the
 * other roles at risk from it and the supervised functions that run as one of them.
 */
public record RootCause(
        String eventId,
        String eventName,
        Instant time,
        String actorArn,
        String policy,
        String revert,
        String role,
        List<String> atRisk,
        List<String> atRiskFunctions) {

    public RootCause {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(time, "time");
        actorArn = actorArn == null ? "" : actorArn;
        policy = policy == null ? "" : policy;
        revert = revert == null ? "" : revert;
        role = role == null ? "" : role;
        atRisk = atRisk == null ? List.of() : List.copyOf(atRisk);
        atRiskFunctions = atRiskFunctions == null ? List.of() : List.copyOf(atRiskFunctions);
    }

    /** The change a verdict found, if it found one. */
    public static Optional<RootCause> of(Diagnosis diagnosis) {
        if (diagnosis == null
                || diagnosis.changeEvidence() != Diagnosis.ChangeEvidence.FOUND
                || diagnosis.suspectedChange() == null) {
            return Optional.empty();
        }
        SuspectedChange change = diagnosis.suspectedChange();
        return Optional.of(new RootCause(
                change.eventId(),
                change.eventName(),
                change.time(),
                change.actorArn(),
                change.policy(),
                diagnosis.revert(),
                diagnosis.denials().isEmpty() ? "" : diagnosis.denials().get(0).role(),
                change.atRisk(),
                change.atRiskFunctions()));
    }
}

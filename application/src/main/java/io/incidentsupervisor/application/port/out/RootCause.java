package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.SuspectedChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CloudTrail change an incident's verdict blames, as its group names it: the event's id (what incidents are grouped
 * by), its name, when and by whom, the policy it touched, the revert, and the other roles at risk from it.
 */
public record RootCause(
        String eventId,
        String eventName,
        Instant time,
        String actorArn,
        String policy,
        String revert,
        List<String> atRisk) {

    public RootCause {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(time, "time");
        actorArn = actorArn == null ? "" : actorArn;
        policy = policy == null ? "" : policy;
        revert = revert == null ? "" : revert;
        atRisk = atRisk == null ? List.of() : List.copyOf(atRisk);
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
                change.atRisk()));
    }
}

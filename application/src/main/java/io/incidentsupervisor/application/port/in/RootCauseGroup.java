package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.RootCause;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The incidents one CloudTrail change broke: the change (as the latest of their verdicts names it), each incident
 * with its function and alerts, the functions broken, and the roles at risk from the same change.
 */
public record RootCauseGroup(RootCause cause, List<Member> incidents) {

    /** One incident of the group. */
    public record Member(IncidentId incidentId, IncidentStatus status, int occurrences, Instant lastSeen) {}

    public RootCauseGroup {
        Objects.requireNonNull(cause, "cause");
        incidents = List.copyOf(incidents);
    }

    /** Each function the change broke, once, in the order of its first incident. */
    public List<String> functions() {
        return incidents.stream()
                .map(member -> member.incidentId().lambdaName())
                .distinct()
                .toList();
    }

    /** Every alert the change caused, across its incidents. */
    public int occurrences() {
        return incidents.stream().mapToInt(Member::occurrences).sum();
    }
}

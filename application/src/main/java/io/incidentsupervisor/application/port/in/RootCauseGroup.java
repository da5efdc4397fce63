package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.RootCause;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The incidents one CloudTrail change broke: the change (as the latest of their verdicts names it), each function it
 * broke once in the order of its first incident, every alert it caused, the roles at risk from it that none of its
 * incidents shows broken yet and the supervised functions that run as one of them (its blast radius), and each incident
 * with its status and alerts, the earliest first.
 */
public record RootCauseGroup(
        RootCause cause,
        List<String> functions,
        int occurrences,
        List<String> atRisk,
        List<String> atRiskFunctions,
        List<Member> incidents) {

    /** One incident of the group. */
    public record Member(IncidentId incidentId, IncidentStatus status, int occurrences, Instant lastSeen) {}

    public RootCauseGroup {
        Objects.requireNonNull(cause, "cause");
        functions = List.copyOf(functions);
        atRisk = List.copyOf(atRisk);
        atRiskFunctions = List.copyOf(atRiskFunctions);
        incidents = List.copyOf(incidents);
    }

    /** {@code causes} are the change as each incident's verdict names it; {@code latest} is the most recent of them. */
    public static RootCauseGroup of(RootCause latest, List<RootCause> causes, List<Member> incidents) {
        Set<String> brokenRoles = causes.stream().map(RootCause::role).collect(Collectors.toSet());
        List<String> functions = incidents.stream()
                .map(member -> member.incidentId().lambdaName())
                .distinct()
                .toList();
        return new RootCauseGroup(
                latest,
                functions,
                incidents.stream().mapToInt(Member::occurrences).sum(),
                notIn(causes.stream().flatMap(cause -> cause.atRisk().stream()), brokenRoles),
                notIn(causes.stream().flatMap(cause -> cause.atRiskFunctions().stream()), Set.copyOf(functions)),
                incidents);
    }

    private static List<String> notIn(Stream<String> named, Set<String> broken) {
        return named.filter(name -> !broken.contains(name)).distinct().sorted().toList();
    }
}

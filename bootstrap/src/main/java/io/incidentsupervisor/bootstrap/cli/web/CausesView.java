package io.incidentsupervisor.bootstrap.cli.web;

import java.util.List;

/** Incidents grouped by the CloudTrail change their verdicts blame, each change with the incidents it broke. */
public record CausesView(List<Group> groups) {

    public record Group(
            String eventId,
            String change,
            String policy,
            String revert,
            List<String> functions,
            int occurrences,
            List<String> atRisk,
            List<String> atRiskFunctions,
            List<Member> incidents) {}

    public record Member(
            String incidentId, String href, IncidentView.StatusBadge status, int occurrences, String lastSeen) {}
}

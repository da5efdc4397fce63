package io.incidentsupervisor.application.projection;

import io.incidentsupervisor.application.port.in.ListRootCauses;
import io.incidentsupervisor.application.port.in.RootCauseGroup;
import io.incidentsupervisor.application.port.in.RootCauseGroup.Member;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.application.port.out.RootCause;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Groups the incidents of the state projection by the change their verdicts blame, read from its cause index. */
public final class RootCauseGroups implements ListRootCauses {

    private final IncidentStates states;

    public RootCauseGroups(IncidentStates states) {
        this.states = Objects.requireNonNull(states, "states");
    }

    @Override
    public List<RootCauseGroup> rootCauses(int maxIncidents) {
        if (maxIncidents < 1) {
            throw new IllegalArgumentException("A limit is at least 1, not " + maxIncidents);
        }
        return groups(states.caused(null, maxIncidents));
    }

    @Override
    public Optional<RootCauseGroup> rootCause(String eventId) {
        Objects.requireNonNull(eventId, "eventId");
        return groups(states.caused(eventId, MAX_GROUP)).stream().findFirst();
    }

    private static List<RootCauseGroup> groups(List<IncidentStateRow> rows) {
        Map<String, List<IncidentStateRow>> byChange = new LinkedHashMap<>();
        for (IncidentStateRow row : rows) {
            byChange.computeIfAbsent(row.rootCause().eventId(), id -> new ArrayList<>())
                    .add(row);
        }
        return byChange.values().stream().map(RootCauseGroups::group).toList();
    }

    /** The change as the most recently updated verdict names it (a later verdict may know more roles at risk). */
    private static RootCauseGroup group(List<IncidentStateRow> rows) {
        RootCause cause = rows.stream()
                .max(Comparator.comparing(IncidentStateRow::updatedAt))
                .orElseThrow()
                .rootCause();
        List<Member> members = rows.stream()
                .sorted(Comparator.comparing(
                        (IncidentStateRow row) -> row.incidentId().failedAt()))
                .map(row -> new Member(row.incidentId(), row.status(), row.occurrences(), row.lastSeen()))
                .toList();
        return RootCauseGroup.of(
                cause, rows.stream().map(IncidentStateRow::rootCause).toList(), members);
    }
}

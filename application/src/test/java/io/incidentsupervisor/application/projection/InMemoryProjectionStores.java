package io.incidentsupervisor.application.projection;

import io.incidentsupervisor.application.port.out.IncidentContextRow;
import io.incidentsupervisor.application.port.out.IncidentContexts;
import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Both projection stores in maps, with the same newer-only write rule as the DynamoDB ones; for application tests. */
public final class InMemoryProjectionStores implements IncidentStates, IncidentContexts {

    private final Map<IncidentId, IncidentStateRow> states = new ConcurrentHashMap<>();
    private final Map<IncidentId, IncidentContextRow> contexts = new ConcurrentHashMap<>();

    @Override
    public void save(IncidentStateRow row) {
        states.merge(
                row.incidentId(),
                row,
                (stored, candidate) -> candidate.lastSequence() > stored.lastSequence() ? candidate : stored);
    }

    @Override
    public Optional<IncidentStateRow> find(IncidentId incidentId) {
        return Optional.ofNullable(states.get(incidentId));
    }

    @Override
    public List<IncidentId> staleAt(Instant now) {
        return states.values().stream()
                .filter(row -> row.staleAt() != null && !row.staleAt().isAfter(now))
                .sorted(Comparator.comparing(IncidentStateRow::staleAt))
                .map(IncidentStateRow::incidentId)
                .toList();
    }

    @Override
    public IncidentPage recent(IncidentFilter filter, IncidentId after, int limit) {
        Comparator<IncidentId> newestFirst = Comparator.comparing(IncidentId::failedAt)
                .thenComparing(IncidentId::value)
                .reversed();
        List<IncidentStateRow> matching = states.values().stream()
                .filter(filter::matches)
                .filter(row -> after == null || newestFirst.compare(row.incidentId(), after) > 0)
                .sorted(Comparator.comparing(IncidentStateRow::incidentId, newestFirst))
                .toList();
        List<IncidentStateRow> page = matching.stream().limit(limit).toList();
        return new IncidentPage(
                page, matching.size() > limit ? page.get(page.size() - 1).incidentId() : null);
    }

    @Override
    public List<IncidentId> evidencePending() {
        return states.values().stream()
                .filter(row -> row.evidencePendingUntil() != null)
                .sorted(Comparator.comparing(IncidentStateRow::evidencePendingUntil))
                .map(IncidentStateRow::incidentId)
                .toList();
    }

    @Override
    public List<IncidentStateRow> caused(String eventId, int limit) {
        return states.values().stream()
                .filter(row -> row.rootCause() != null
                        && (eventId == null || row.rootCause().eventId().equals(eventId)))
                .sorted(Comparator.comparing(
                                (IncidentStateRow row) -> row.rootCause().eventId())
                        .thenComparing(row -> row.incidentId().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public void save(IncidentContextRow row) {
        contexts.merge(
                row.incidentId(),
                row,
                (stored, candidate) -> candidate.lastSequence() > stored.lastSequence() ? candidate : stored);
    }

    @Override
    public Optional<IncidentContextRow> find(IncidentId incidentId, Instant now) {
        return Optional.ofNullable(contexts.get(incidentId)).filter(row -> now.isBefore(row.expiresAt()));
    }
}

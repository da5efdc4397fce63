package io.incidentsupervisor.application.projection;

import io.incidentsupervisor.application.port.in.ListIncidents;
import io.incidentsupervisor.application.port.in.ListStaleIncidents;
import io.incidentsupervisor.application.port.in.ReadIncidentContext;
import io.incidentsupervisor.application.port.in.ReadIncidentState;
import io.incidentsupervisor.application.port.out.IncidentContextRow;
import io.incidentsupervisor.application.port.out.IncidentContexts;
import io.incidentsupervisor.application.port.out.IncidentFilter;
import io.incidentsupervisor.application.port.out.IncidentPage;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The reads agents and operators make of the projections. */
public final class IncidentQueries
        implements ReadIncidentState, ReadIncidentContext, ListStaleIncidents, ListIncidents {

    private final IncidentStates states;
    private final IncidentContexts contexts;

    public IncidentQueries(IncidentStates states, IncidentContexts contexts) {
        this.states = Objects.requireNonNull(states, "states");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    @Override
    public Optional<IncidentStateRow> state(IncidentId incidentId) {
        return states.find(incidentId);
    }

    @Override
    public Optional<IncidentContextRow> context(IncidentId incidentId, Instant now) {
        return contexts.find(incidentId, now);
    }

    @Override
    public IncidentPage recent(IncidentFilter filter, IncidentId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A limit is at least 1, not " + limit);
        }
        return states.recent(filter, after, limit);
    }

    /** A row deleted between the index read and its own read is left out. */
    @Override
    public List<IncidentStateRow> staleAt(Instant now) {
        return states.staleAt(now).stream()
                .map(states::find)
                .flatMap(Optional::stream)
                .toList();
    }
}

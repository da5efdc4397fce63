package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.ReadIncidentForAgent;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.application.port.in.ReadIncidentState;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an incident for one agent: the history from the event store, the latest diagnosis, and the recorded evidence
 * fitted, at read time, to the tokens the agent asked for ({@code 0}: whole).
 */
public final class AgentReads implements ReadIncidentForAgent {

    private final ReadIncidentHistory history;
    private final ReadIncidentState states;
    private final ContextFitter fitter;

    public AgentReads(ReadIncidentHistory history, ReadIncidentState states, ContextFitter fitter) {
        this.history = Objects.requireNonNull(history, "history");
        this.states = Objects.requireNonNull(states, "states");
        this.fitter = Objects.requireNonNull(fitter, "fitter");
    }

    @Override
    public Optional<AgentAnswer> read(IncidentId incidentId, int maxTokens) {
        List<IncidentEvent> events =
                history.history(incidentId).stream().map(AuditEntry::event).toList();
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Incident incident = Incident.replay(events);
        IncidentStateRow state = states.state(incidentId).orElse(null);
        EnrichedContext recorded = events.stream()
                .filter(ContextGathered.class::isInstance)
                .map(event -> ((ContextGathered) event).context())
                .reduce((first, second) -> second)
                .orElse(null);
        if (recorded == null) {
            return Optional.of(new AgentAnswer(state, incident.diagnosis(), null));
        }
        return Optional.of(new AgentAnswer(
                state, incident.diagnosis(), fitter.fit(recorded, incident.diagnosis(), new TokenBudget(maxTokens))));
    }
}

package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.ReadIncidentForAgent;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.application.port.in.ReadIncidentState;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.application.port.out.TokenCounter;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an incident for one agent: the history from the event store, the latest diagnosis, and the recorded context
 * fitted again, at read time, to the tokens the agent asked for (the same measure and trim order as at write time).
 */
public final class AgentReads implements ReadIncidentForAgent {

    private final ReadIncidentHistory history;
    private final ReadIncidentState states;
    private final TokenCounter counter;
    private final List<String> trimOrder;
    private final Clock clock;

    public AgentReads(
            ReadIncidentHistory history,
            ReadIncidentState states,
            TokenCounter counter,
            List<String> trimOrder,
            Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.states = Objects.requireNonNull(states, "states");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.trimOrder = List.copyOf(trimOrder);
        this.clock = Objects.requireNonNull(clock, "clock");
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
        TokenBudget.Fitted fitted = new TokenBudget(maxTokens)
                .fit(
                        recorded.alert(),
                        recorded.results(),
                        trimOrder,
                        new AgentViewTokens(counter, incident.diagnosis()));
        return Optional.of(new AgentAnswer(
                state,
                incident.diagnosis(),
                new EnrichedContext(
                        fitted.alert(), fitted.results(), clock.instant(), fitted.tokens(), fitted.report())));
    }
}

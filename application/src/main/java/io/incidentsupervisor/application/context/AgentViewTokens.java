package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.out.TokenCounter;
import io.incidentsupervisor.domain.budget.ContextMeasure;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.List;
import java.util.Objects;

/** The budget's measure: the tokens of the {@link AgentView} text, the exact text an agent reads. */
public final class AgentViewTokens implements ContextMeasure {

    private final TokenCounter counter;

    public AgentViewTokens(TokenCounter counter) {
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    @Override
    public String tokenizer() {
        return counter.tokenizer();
    }

    @Override
    public int tokens(IncidentAlert alert, List<CollectorResult> results) {
        return counter.count(AgentView.render(alert, results));
    }
}

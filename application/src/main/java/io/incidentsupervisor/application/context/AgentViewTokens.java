package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.out.TokenCounter;
import io.incidentsupervisor.domain.budget.ContextMeasure;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.List;
import java.util.Objects;

/**
 * The budget's measure: the tokens of the {@link AgentView} text, the exact text an agent reads, with the incident's
 * diagnosis (null when there is none) counted first.
 */
public final class AgentViewTokens implements ContextMeasure {

    private final TokenCounter counter;
    private final Diagnosis diagnosis;

    public AgentViewTokens(TokenCounter counter, Diagnosis diagnosis) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.diagnosis = diagnosis;
    }

    @Override
    public String tokenizer() {
        return counter.tokenizer();
    }

    @Override
    public int tokens(IncidentAlert alert, List<CollectorResult> results) {
        return counter.count(AgentView.render(diagnosis, alert, results));
    }
}

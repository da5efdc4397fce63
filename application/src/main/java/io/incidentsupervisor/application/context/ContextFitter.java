package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.out.TokenCounter;
import io.incidentsupervisor.domain.budget.ContextMeasure;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Fits recorded evidence to a reader's budget, at read time: the incident-context row at the configured
 * {@code TOKEN_BUDGET}, an agent's answer at the tokens it asked for. The recorded evidence is whole and stays so; what
 * is never cut (the diagnosis) is counted first; evidence goes in the trim order declared with the collectors.
 */
public final class ContextFitter {

    private final TokenCounter counter;
    private final List<String> trimOrder;
    private final TokenBudget rowBudget;

    public ContextFitter(TokenCounter counter, List<String> trimOrder, TokenBudget rowBudget) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.trimOrder = List.copyOf(trimOrder);
        this.rowBudget = Objects.requireNonNull(rowBudget, "rowBudget");
    }

    /** The evidence as the incident-context row holds it: fitted to the configured budget. */
    public EnrichedContext forRow(EnrichedContext whole, Diagnosis diagnosis) {
        return fit(whole, rowBudget, new AgentViewTokens(counter, diagnosis));
    }

    /**
     * The evidence fitted so that {@code render}, the whole text a reader gets for an alert and results, stays within
     * {@code budget}, with the report of that fitting.
     */
    public EnrichedContext fit(
            EnrichedContext whole,
            TokenBudget budget,
            BiFunction<IncidentAlert, List<CollectorResult>, String> render) {
        return fit(whole, budget, new ContextMeasure() {
            @Override
            public String tokenizer() {
                return counter.tokenizer();
            }

            @Override
            public int tokens(IncidentAlert alert, List<CollectorResult> results) {
                return counter.count(render.apply(alert, results));
            }
        });
    }

    private EnrichedContext fit(EnrichedContext whole, TokenBudget budget, ContextMeasure measure) {
        TokenBudget.Fitted fitted = budget.fit(whole.alert(), whole.results(), trimOrder, measure);
        return new EnrichedContext(
                fitted.alert(), fitted.results(), whole.enrichedAt(), fitted.tokens(), fitted.report());
    }
}

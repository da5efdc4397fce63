package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.out.TokenCounter;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.EnrichedContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Fits recorded evidence to a reader's budget, at read time: the incident-context row at the configured
 * {@code TOKEN_BUDGET}, an agent's answer at the tokens it asked for. The recorded evidence is whole and stays so; the
 * diagnosis is counted first and never cut; evidence goes in the trim order declared with the collectors.
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
        return fit(whole, diagnosis, rowBudget);
    }

    /** The evidence fitted to {@code budget}, with the report of that fitting. */
    public EnrichedContext fit(EnrichedContext whole, Diagnosis diagnosis, TokenBudget budget) {
        TokenBudget.Fitted fitted =
                budget.fit(whole.alert(), whole.results(), trimOrder, new AgentViewTokens(counter, diagnosis));
        Instant enrichedAt = whole.enrichedAt();
        return new EnrichedContext(fitted.alert(), fitted.results(), enrichedAt, fitted.tokens(), fitted.report());
    }
}

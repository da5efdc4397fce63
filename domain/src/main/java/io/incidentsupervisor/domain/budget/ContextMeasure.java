package io.incidentsupervisor.domain.budget;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.List;

/** How the budget measures a context: the tokens of an alert with its results, as the agent will read them. */
public interface ContextMeasure {

    /** The tokenizer's name, recorded in truncation reports. */
    String tokenizer();

    int tokens(IncidentAlert alert, List<CollectorResult> results);
}

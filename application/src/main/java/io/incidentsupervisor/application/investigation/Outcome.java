package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;

/** How a delivery ended, short of an exception. */
public sealed interface Outcome {

    IncidentId incidentId();

    /** The context was gathered and recorded. */
    record Investigated(IncidentId incidentId, int attempt, EnrichedContext context) implements Outcome {
    }

    /** The incident existed already: nothing was done. */
    record Duplicate(IncidentId incidentId) implements Outcome {
    }

    /** The incident was recorded but not investigated, for the recorded reason (a function outside the allowlist). */
    record Refused(IncidentId incidentId, FailureReason reason) implements Outcome {
    }
}

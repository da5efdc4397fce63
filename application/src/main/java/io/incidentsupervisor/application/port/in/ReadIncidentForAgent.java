package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.IncidentId;
import java.util.Optional;

/**
 * An incident as one agent reads it: its state, its latest diagnosis (whole, never cut), and its context fitted to the
 * tokens that agent asked for, with the truncation report of that fitting.
 */
public interface ReadIncidentForAgent {

    /** The incident for a reader; {@code context} is null while the incident has not been investigated. */
    record AgentAnswer(IncidentStateRow state, Diagnosis diagnosis, EnrichedContext context) {}

    /** Empty if there is no such incident. */
    Optional<AgentAnswer> read(IncidentId incidentId, int maxTokens);
}

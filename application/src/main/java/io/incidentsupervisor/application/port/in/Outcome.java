package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** How a delivery ended, short of an exception. */
public sealed interface Outcome {

    IncidentId incidentId();

    /** The context was gathered and recorded; {@code collectorLatency} says how long each collector that ran took. */
    record Investigated(
            IncidentId incidentId, int attempt, EnrichedContext context, Map<String, Duration> collectorLatency)
            implements Outcome {

        public Investigated {
            collectorLatency = Collections.unmodifiableMap(new LinkedHashMap<>(collectorLatency));
        }
    }

    /** The alert was counted as occurrence {@code occurrences} of the open incident of its failure: nothing else was done. */
    record Recurred(IncidentId incidentId, int occurrences) implements Outcome {}

    /** The incident existed already, or the alert was counted already: nothing was done. */
    record Duplicate(IncidentId incidentId) implements Outcome {}

    /** The incident was recorded but not investigated, for the recorded reason (a function outside the allowlist). */
    record Refused(IncidentId incidentId, FailureReason reason) implements Outcome {}
}

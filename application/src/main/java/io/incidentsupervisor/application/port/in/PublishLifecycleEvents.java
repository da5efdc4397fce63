package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.model.IncidentId;
import java.util.List;
import java.util.Objects;

/** Incoming: publishes the lifecycle events of stored events that were committed, each named by incident and sequence. */
public interface PublishLifecycleEvents {

    /** A committed stored event: its incident and its sequence in the incident's history. */
    record Committed(IncidentId incidentId, long sequence) {
        public Committed {
            Objects.requireNonNull(incidentId, "incidentId");
        }
    }

    /** Publishes what {@code committed} gives (some stored events give no lifecycle event); returns how many. */
    int publish(List<Committed> committed);
}

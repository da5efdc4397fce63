package io.incidentsupervisor.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Count {@code alert}, delivered as message {@code messageId}, as another occurrence of the open incident
 * {@code incidentId} of the same failure. An alert or message counted already changes nothing.
 */
public record RecordOccurrence(IncidentId incidentId, IncidentAlert alert, String messageId, Instant now)
        implements IncidentCommand {

    public RecordOccurrence {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(now, "now");
        if (!alert.lambdaName().equals(incidentId.lambdaName())) {
            throw new IllegalArgumentException("An alert of " + alert.lambdaName()
                    + " is not an occurrence of an incident of " + incidentId.lambdaName());
        }
    }
}

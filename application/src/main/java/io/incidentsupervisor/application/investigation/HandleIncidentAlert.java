package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;

/** Incoming: turns one delivered alert into an investigated incident, or recognises it as a duplicate. */
public interface HandleIncidentAlert {

    /**
     * Handles one delivery. A failure is recorded on the incident (best effort) and then thrown as it was; whether a
     * retry may help is in the recorded reason.
     */
    Outcome handle(IncidentAlert alert, Delivery delivery);

    /** Starts the next attempt of an incident whose investigation died or failed retryably, and runs it. */
    Outcome recover(IncidentId incidentId, Delivery delivery);
}

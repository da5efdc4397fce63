package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.domain.model.IncidentAlert;

/** Turns one delivered alert into an investigated incident, or recognises it as a duplicate. */
public interface HandleAlert {

    /**
     * Handles one delivery. A failure is recorded on the incident (best effort) and then thrown as it was; whether a
     * retry may help is in the recorded reason.
     */
    Outcome handle(IncidentAlert alert, Delivery delivery);
}

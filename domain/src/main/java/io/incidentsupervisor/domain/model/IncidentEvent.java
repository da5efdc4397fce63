package io.incidentsupervisor.domain.model;

/** Something that happened to one incident; the first component of every event is the incident's id. */
public sealed interface IncidentEvent
        permits IncidentReceived, InvestigationStarted, CollectorFinished, ContextGathered, InvestigationFailed, InvestigationRetried {

    IncidentId incidentId();
}

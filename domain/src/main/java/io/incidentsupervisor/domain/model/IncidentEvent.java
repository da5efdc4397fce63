package io.incidentsupervisor.domain.model;

import java.time.Instant;

/** Something that happened to one incident; the first component of every event is the incident's id. */
public sealed interface IncidentEvent
        permits IncidentReceived,
                InvestigationStarted,
                CollectorFinished,
                ContextGathered,
                InvestigationFailed,
                InvestigationRetried,
                IncidentDiagnosed,
                IncidentRecurred {

    IncidentId incidentId();

    /** When it happened, by the clock of the invocation that decided it. */
    Instant occurredAt();
}

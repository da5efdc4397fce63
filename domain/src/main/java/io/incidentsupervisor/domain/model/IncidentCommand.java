package io.incidentsupervisor.domain.model;

import java.time.Instant;

/** A request to change one incident; each carries the instant it was issued at, so the domain never reads a clock. */
public sealed interface IncidentCommand
        permits ReceiveIncident,
                RecordOccurrence,
                RecordCollectorOutcome,
                RecordContext,
                RecordDiagnosis,
                FailInvestigation,
                RecoverInvestigation {

    IncidentId incidentId();

    Instant now();
}

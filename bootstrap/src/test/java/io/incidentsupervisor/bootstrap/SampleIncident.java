package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.domain.model.IncidentId;

/** The incident the example S3AccessError event opens in the sample account, as the bootstrap tests expect it. */
public final class SampleIncident {

    public static final IncidentId ID = new IncidentId("data-processor#2026-11-23T08:00:00.512Z");

    /** Its history's event types, in order: received, started, three collectors, the verdict, the context. */
    public static final String[] EVENT_TYPES = {
        "IncidentReceived",
        "InvestigationStarted",
        "CollectorFinished",
        "CollectorFinished",
        "CollectorFinished",
        "IncidentDiagnosed",
        "ContextGathered"
    };

    private SampleIncident() {}
}

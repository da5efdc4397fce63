package io.incidentsupervisor.domain.model;

/** Where an incident stands; {@link #ABSENT} is the state before its first event. */
public enum IncidentStatus {
    ABSENT,
    RECEIVED,
    INVESTIGATING,
    CONTEXT_GATHERED,
    FAILED;

    /** Open incidents still need work: they are the ones stale detection looks at. */
    public boolean isOpen() {
        return this == RECEIVED || this == INVESTIGATING;
    }
}

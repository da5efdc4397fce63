package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;

/** Gathers one kind of diagnostic context about the function an alert names. */
public interface ContextCollector {

    /** The source name results carry, e.g. {@code lambda-configuration}. */
    String name();

    /** Gathers this collector's context; a provider failure becomes a failed result, never an exception. */
    CollectorResult collect(IncidentAlert alert);
}

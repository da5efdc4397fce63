package io.incidentsupervisor.domain.port;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;

/** Outgoing: gathers one kind of diagnostic context about the function an alert names. */
public interface ContextCollector {

    /** The source name results carry, e.g. {@code lambda-configuration}. */
    String name();

    /**
     * Where this collector's evidence stands when the context is over its token budget: lower is trimmed first (logs 1,
     * IAM 2, Lambda configuration 3).
     */
    int trimOrder();

    /** Gathers this collector's context; a provider failure becomes a failed result, never an exception. */
    CollectorResult collect(IncidentAlert alert);
}

package io.incidentsupervisor.application.port.in;

import io.incidentsupervisor.application.port.out.RejectedAlert;

/** Keeps an alert that could not become an incident, instead of retrying or losing it. */
public interface RecordRejectedAlert {

    /** Keeping the same message id twice keeps one. */
    void record(RejectedAlert rejected);
}

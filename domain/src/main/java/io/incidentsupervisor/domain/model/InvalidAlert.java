package io.incidentsupervisor.domain.model;

/** An alert that cannot become an incident; the message names the field and what is wrong with it, never its value. */
public final class InvalidAlert extends IllegalArgumentException {

    public InvalidAlert(String reason) {
        super(reason);
    }
}

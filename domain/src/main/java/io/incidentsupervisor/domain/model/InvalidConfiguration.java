package io.incidentsupervisor.domain.model;

/** A setting with a value the service cannot run with; the message names the setting. */
public final class InvalidConfiguration extends IllegalArgumentException {

    public InvalidConfiguration(String setting, String problem) {
        super(setting + " " + problem);
    }
}

package io.incidentsupervisor.application.port.out;

import java.util.List;

/** Outgoing: where rejected alerts are kept instead of being retried or lost. */
public interface RejectedAlerts {

    /** Keeps it; keeping the same message id twice keeps one. */
    void keep(RejectedAlert rejected);

    /** The most recent first, at most {@code limit}. */
    List<RejectedAlert> latest(int limit);
}

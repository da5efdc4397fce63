package io.incidentsupervisor.application.port.in;

import java.util.List;
import java.util.Optional;

/** Incoming: incidents grouped by the CloudTrail change their verdicts blame. */
public interface ListRootCauses {

    /** The most incidents one group is read with: a change that broke more is listed with its first ones. */
    int MAX_GROUP = 1_000;

    /** Every group, by the change's event id, from at most {@code maxIncidents} incidents. */
    List<RootCauseGroup> rootCauses(int maxIncidents);

    /** The group of one change, by its CloudTrail event id. */
    Optional<RootCauseGroup> rootCause(String eventId);
}

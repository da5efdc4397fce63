package io.incidentsupervisor.application.intake;

import io.incidentsupervisor.application.port.in.ListRejectedAlerts;
import io.incidentsupervisor.application.port.in.RecordRejectedAlert;
import io.incidentsupervisor.application.port.out.RejectedAlert;
import io.incidentsupervisor.application.port.out.RejectedAlerts;
import java.util.List;
import java.util.Objects;

/** Keeps malformed alerts where an operator can list them. */
public final class RejectedAlertIntake implements RecordRejectedAlert, ListRejectedAlerts {

    private final RejectedAlerts store;

    public RejectedAlertIntake(RejectedAlerts store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void record(RejectedAlert rejected) {
        store.keep(rejected);
    }

    @Override
    public List<RejectedAlert> latest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A limit is at least 1, not " + limit);
        }
        return store.latest(limit);
    }
}

package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.RecoverIncident;
import io.incidentsupervisor.application.port.in.RecoverStaleIncidents;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentRefusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recovers every incident the state projection lists as stale, one after another, while time is left before the deadline. */
public final class StaleRecovery implements RecoverStaleIncidents {

    private static final Logger LOG = LoggerFactory.getLogger(StaleRecovery.class);
    /** An investigation is not started with less time than this left: it would only go stale again. */
    static final Duration TIME_NEEDED_PER_INCIDENT = Duration.ofSeconds(15);

    private final IncidentStates states;
    private final RecoverIncident recovery;
    private final Clock clock;

    public StaleRecovery(IncidentStates states, RecoverIncident recovery, Clock clock) {
        this.states = Objects.requireNonNull(states, "states");
        this.recovery = Objects.requireNonNull(recovery, "recovery");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Report recoverStale(String requestId, Instant deadline) {
        List<IncidentId> stale = states.staleAt(clock.instant());
        List<String> recovered = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        int left = 0;
        for (IncidentId id : stale) {
            if (Duration.between(clock.instant(), deadline).compareTo(TIME_NEEDED_PER_INCIDENT) < 0) {
                left++;
                continue;
            }
            try {
                recovery.recover(id, new Delivery("recovery-" + requestId, requestId, deadline));
                recovered.add(id.value());
            } catch (IncidentRefusal refusal) {
                refused.add(id.value());
            } catch (RuntimeException e) {
                // Recorded on the incident already; the next run tries again, and the others go on.
                LOG.atError()
                        .addKeyValue("incidentId", id.value())
                        .addKeyValue("outcome", "Failed")
                        .setCause(e)
                        .log("Recovery failed");
                failed.add(id.value());
            }
        }
        Report report = new Report(stale.size(), recovered, refused, failed, left);
        LOG.atInfo()
                .addKeyValue("stale", report.stale())
                .addKeyValue("recovered", recovered.size())
                .addKeyValue("refused", refused.size())
                .addKeyValue("failed", failed.size())
                .addKeyValue("leftForNextRun", left)
                .log("Stale recovery run");
        return report;
    }
}

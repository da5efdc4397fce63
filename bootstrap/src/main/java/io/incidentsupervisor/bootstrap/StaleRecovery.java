package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.application.investigation.Delivery;
import io.incidentsupervisor.application.investigation.HandleIncidentAlert;
import io.incidentsupervisor.application.projection.IncidentStates;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentRefusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Recovers every incident the state projection lists as stale, one after another, while time is left before the deadline. */
public final class StaleRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StaleRecovery.class);
    /** An investigation is not started with less time than this left: it would only go stale again. */
    static final Duration TIME_NEEDED_PER_INCIDENT = Duration.ofSeconds(15);

    /** What one run did: how many incidents were stale, recovered, refused (recovered by someone else meanwhile) and failed. */
    public record Report(
            int stale, List<String> recovered, List<String> refused, List<String> failed, int leftForNextRun) {}

    private final IncidentStates states;
    private final HandleIncidentAlert alerts;
    private final Clock clock;

    StaleRecovery(IncidentStates states, HandleIncidentAlert alerts, Clock clock) {
        this.states = states;
        this.alerts = alerts;
        this.clock = clock;
    }

    public Report recoverAll(String requestId, Instant deadline) {
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
                alerts.recover(id, new Delivery("recovery-" + requestId, requestId, deadline));
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

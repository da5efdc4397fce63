package io.incidentsupervisor.application.diagnosis;

import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.investigation.Recurrences;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.application.port.in.RecheckChangeEvidence;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentRefusal;
import io.incidentsupervisor.domain.model.RecordDiagnosis;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Late change evidence: CloudTrail delivers an event up to 15 minutes after the change, so an incident investigated
 * sooner may have found none yet. Each scheduled run reads the role's history again for those incidents; a verdict that
 * is no longer pending (the change found, or the delay passed) is recorded and projected.
 */
public final class LateEvidence implements RecheckChangeEvidence {

    private static final Logger LOG = LoggerFactory.getLogger(LateEvidence.class);

    private final IncidentStates states;
    private final ReadIncidentHistory history;
    private final Diagnoser diagnoser;
    private final AxonRuntime axon;
    private final Projections projections;
    private final Recurrences recurrences;
    private final Clock clock;

    public LateEvidence(
            IncidentStates states,
            ReadIncidentHistory history,
            Diagnoser diagnoser,
            AxonRuntime axon,
            Projections projections,
            Recurrences recurrences,
            Clock clock) {
        this.states = Objects.requireNonNull(states, "states");
        this.history = Objects.requireNonNull(history, "history");
        this.diagnoser = Objects.requireNonNull(diagnoser, "diagnoser");
        this.axon = Objects.requireNonNull(axon, "axon");
        this.projections = Objects.requireNonNull(projections, "projections");
        this.recurrences = Objects.requireNonNull(recurrences, "recurrences");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Report recheck(String requestId, Instant deadline) {
        List<String> rechecked = new ArrayList<>();
        List<String> found = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (IncidentId id : states.evidencePending()) {
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            Incident incident = Incident.replay(
                    history.history(id).stream().map(AuditEntry::event).toList());
            Diagnosis pending = incident.diagnosis();
            if (pending == null || !pending.pending() || pending.denials().isEmpty()) {
                continue;
            }
            rechecked.add(id.value());
            Diagnosis verdict = diagnoser.recheck(incident.alert(), pending, deadline);
            if (verdict.pending()) {
                continue;
            }
            try {
                axon.send(
                        new RecordDiagnosis(id, incident.attempt(), verdict, clock.instant()),
                        new Delivery("recheck-" + requestId, requestId, deadline));
                // From the store: an occurrence counted during the recheck is in it, not in the history read before.
                projections.refresh(id);
                recurrences.verdictFinal(incident);
                (verdict.suspectedChange() != null ? found : notFound).add(id.value());
            } catch (IncidentRefusal settledMeanwhile) {
                LOG.atInfo().addKeyValue("incidentId", id.value()).log("Change evidence settled by another run");
            }
        }
        LOG.atInfo()
                .addKeyValue("rechecked", rechecked.size())
                .addKeyValue("found", found.size())
                .addKeyValue("notFound", notFound.size())
                .log("Change evidence recheck");
        return new Report(rechecked, found, notFound);
    }
}

package io.incidentsupervisor.domain.model;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static io.incidentsupervisor.domain.model.SampleIncidents.LEASE;
import static io.incidentsupervisor.domain.model.SampleIncidents.T0;
import static io.incidentsupervisor.domain.model.SampleIncidents.context;
import static io.incidentsupervisor.domain.model.SampleIncidents.failed;
import static io.incidentsupervisor.domain.model.SampleIncidents.gathered;
import static io.incidentsupervisor.domain.model.SampleIncidents.received;
import static io.incidentsupervisor.domain.model.SampleIncidents.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Walks the sealed hierarchies: every event has a state change and every command a decision, in every state. */
class EveryTypeHandledTest {

    private static final Instant LATER = T0.plus(LEASE).plus(LEASE);

    private static final Diagnosis PENDING =
            new Diagnosis(List.of(), "", List.of(), null, "", "", Diagnosis.ChangeEvidence.PENDING, LATER, List.of());

    private static final Map<Class<?>, IncidentEvent> EVENTS = Map.of(
            IncidentReceived.class, received(),
            InvestigationStarted.class, started(1, T0),
            CollectorFinished.class, new CollectorFinished(ID, 1, "iam-role", true, T0, T0.plus(LEASE)),
            ContextGathered.class, gathered(1, T0),
            InvestigationFailed.class, failed(1, true, T0),
            InvestigationRetried.class, new InvestigationRetried(ID, 1, "lease passed", T0),
            IncidentDiagnosed.class, new IncidentDiagnosed(ID, 1, PENDING, T0),
            IncidentRecurred.class, SampleIncidents.recurred("m-2", 30));

    private static final Map<Class<?>, IncidentCommand> COMMANDS = Map.of(
            ReceiveIncident.class, new ReceiveIncident(ALERT, LATER, LATER.plus(LEASE)),
            RecordOccurrence.class, new RecordOccurrence(ID, SampleIncidents.repeat(30), "m-2", LATER),
            RecordCollectorOutcome.class, new RecordCollectorOutcome(ID, 1, "iam-role", true, LATER, LATER.plus(LEASE)),
            RecordContext.class, new RecordContext(ID, 1, context(LATER), LATER),
            RecordDiagnosis.class, new RecordDiagnosis(ID, 1, PENDING, LATER),
            FailInvestigation.class,
                    new FailInvestigation(ID, 1, new FailureReason("Throttled", "slow down", true), LATER),
            RecoverInvestigation.class, new RecoverInvestigation(ID, LATER, LATER.plus(LEASE), LEASE));

    private static final List<Incident> EVERY_STATE = List.of(
            Incident.absent(),
            Incident.replay(List.of(received())),
            Incident.replay(List.of(received(), started(1, T0))),
            Incident.replay(List.of(received(), started(1, T0), failed(1, true, T0))),
            Incident.replay(List.of(received(), started(1, T0), failed(1, false, T0))),
            Incident.replay(List.of(received(), started(1, T0), gathered(1, T0))));

    @Test
    void theSamplesCoverEveryPermittedEventAndCommand() {
        assertThat(EVENTS.keySet()).isEqualTo(permitted(IncidentEvent.class));
        assertThat(COMMANDS.keySet()).isEqualTo(permitted(IncidentCommand.class));
    }

    @Test
    void everyEventEvolvesAnOpenIncident() {
        Incident investigating = Incident.replay(List.of(received(), started(1, T0)));
        EVENTS.values()
                .forEach(event -> assertThatCode(() -> investigating.evolve(event))
                        .as(event.getClass().getSimpleName())
                        .doesNotThrowAnyException());
    }

    @Test
    void everyCommandIsDecidedOrRefusedByARuleInEveryState() {
        for (Incident state : EVERY_STATE) {
            for (IncidentCommand command : COMMANDS.values()) {
                try {
                    state.decide(command);
                } catch (IncidentRefusal refusal) {
                    // A business rule said no: that is a decision too.
                }
            }
        }
    }

    private static Set<Class<?>> permitted(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses()).collect(Collectors.toSet());
    }
}

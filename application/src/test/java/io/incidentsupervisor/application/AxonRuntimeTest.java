package io.incidentsupervisor.application;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static io.incidentsupervisor.domain.model.SampleIncidents.LEASE;
import static io.incidentsupervisor.domain.model.SampleIncidents.T0;
import static io.incidentsupervisor.domain.model.SampleIncidents.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.storedevents.StoredForm;
import io.incidentsupervisor.domain.model.CollectorFinished;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentRefusal;
import io.incidentsupervisor.domain.model.IncidentRefusal.InvestigationInProgress;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import io.incidentsupervisor.domain.model.RecordCollectorOutcome;
import io.incidentsupervisor.domain.model.RecordContext;
import io.incidentsupervisor.domain.model.RecoverInvestigation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

class AxonRuntimeTest {

    @Test
    void runsAnIncidentThroughItsLifeAndStoresEveryEventInOrder() {
        try (AxonRuntime axon = AxonRuntime.start(new InMemoryEventStorageEngine())) {
            assertThat(axon.send(new ReceiveIncident(ALERT, T0, T0.plus(LEASE))))
                    .hasSize(2);
            assertThat(axon.send(new ReceiveIncident(ALERT, T0.plusSeconds(1), T0.plus(LEASE))))
                    .as("duplicate delivery")
                    .isEmpty();
            axon.send(new RecordCollectorOutcome(ID, 1, "lambda-configuration", true, T0, T0.plus(LEASE)));
            axon.send(new RecordContext(ID, 1, context(T0), T0));

            List<? extends DomainEventMessage<?>> stored =
                    axon.storage().readEvents(ID.value()).asStream().toList();
            assertThat(stored).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L, 3L);
            assertThat(stored)
                    .extracting(m -> m.getPayload().getClass().getSimpleName())
                    .containsExactly(
                            "IncidentReceived", "InvestigationStarted", "CollectorFinished", "ContextGathered");
        }
    }

    @Test
    void domainRefusalsReachTheCallerAsThemselves() {
        try (AxonRuntime axon = AxonRuntime.start(new InMemoryEventStorageEngine())) {
            axon.send(new ReceiveIncident(ALERT, T0, T0.plus(LEASE)));

            assertThatThrownBy(() -> axon.send(new RecoverInvestigation(ID, T0.plusSeconds(1), T0.plus(LEASE), LEASE)))
                    .isInstanceOf(InvestigationInProgress.class);
        }
    }

    @Test
    void commandsSentTogetherAreAppendedInOneCommitOrNotAtAll() {
        List<Integer> commits = new CopyOnWriteArrayList<>();
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public void appendEvents(List<? extends EventMessage<?>> events) {
                commits.add(events.size());
                super.appendEvents(events);
            }
        };
        Delivery delivery = new Delivery("msg-1", "request-1", T0.plus(LEASE));
        try (AxonRuntime axon = AxonRuntime.start(engine)) {
            axon.send(new ReceiveIncident(ALERT, T0, T0.plus(LEASE)));

            assertThatThrownBy(() -> axon.sendTogether(
                            List.of(
                                    new RecordCollectorOutcome(ID, 1, "lambda-configuration", true, T0, T0.plus(LEASE)),
                                    new RecordCollectorOutcome(ID, 7, "iam-role", true, T0, T0.plus(LEASE))),
                            delivery))
                    .as("the second is refused: no such attempt")
                    .isInstanceOf(IncidentRefusal.class);
            assertThat(engine.readEvents(ID.value()).asStream()).hasSize(2);

            List<IncidentEvent> applied = axon.sendTogether(
                    List.of(
                            new RecordCollectorOutcome(ID, 1, "lambda-configuration", true, T0, T0.plus(LEASE)),
                            new RecordCollectorOutcome(ID, 1, "iam-role", false, T0, T0.plus(LEASE))),
                    delivery);

            assertThat(applied)
                    .extracting(event -> ((CollectorFinished) event).collector())
                    .containsExactly("lambda-configuration", "iam-role");
            assertThat(commits).as("events per commit").containsExactly(2, 2);
            assertThat(engine.readEvents(ID.value()).asStream().toList())
                    .extracting(DomainEventMessage::getSequenceNumber)
                    .containsExactly(0L, 1L, 2L, 3L);
            assertThat(engine.readEvents(ID.value()).asStream().skip(2).toList())
                    .allSatisfy(event -> assertThat(event.getMetaData()).containsEntry("snsMessageId", "msg-1"));
        }
    }

    @Test
    void everyEventSurvivesAJsonRoundTrip() {
        Serializer serializer = StoredForm.serializer();
        List<IncidentEvent> events = List.of(
                io.incidentsupervisor.domain.model.SampleIncidents.received(),
                io.incidentsupervisor.domain.model.SampleIncidents.started(1, T0),
                new io.incidentsupervisor.domain.model.CollectorFinished(ID, 1, "iam-role", false, T0, T0.plus(LEASE)),
                io.incidentsupervisor.domain.model.SampleIncidents.gathered(1, T0),
                io.incidentsupervisor.domain.model.SampleIncidents.failed(1, true, T0),
                new io.incidentsupervisor.domain.model.InvestigationRetried(ID, 1, "lease passed", T0));
        for (IncidentEvent event : events) {
            SerializedObject<String> json = serializer.serialize(event, String.class);
            assertThat(json.getData()).doesNotContain("\"timestamp\":1").contains("2026-11-23T08:00");
            assertThat(json.getType().getName()).isEqualTo(event.getClass().getSimpleName());
            assertThat(json.getType().getRevision()).isEqualTo("1");
            Object back =
                    serializer.deserialize(new SimpleSerializedObject<>(json.getData(), String.class, json.getType()));
            assertThat(back).isEqualTo(event);
        }
    }
}

package io.incidentsupervisor.application.storedevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.application.storedevents.StoredEventTypes.StoredEventType;
import io.incidentsupervisor.application.storedevents.moved.AlertArrived;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRecurred;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden fixtures of every stored event: today's writer must produce exactly the committed form, and every form ever
 * written (today's and the class-named one of 0.1.0) must read back, through the real serializer and upcaster chain,
 * into today's classes.
 */
class StoredEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<?>, IncidentEvent> SAMPLES = StoredEventSamples.byClass();

    static Stream<Class<?>> eventClasses() {
        return SAMPLES.keySet().stream();
    }

    /** The types that existed while events were stored under their class names, before durable names. */
    static Stream<Class<?>> legacyEventClasses() {
        // Types added after revisions were introduced were never stored under their class names.
        return eventClasses().filter(type -> type != IncidentDiagnosed.class && type != IncidentRecurred.class);
    }

    @Test
    void everyPermittedEventHasAStoredNameAndASample() {
        assertThat(StoredEventTypes.CURRENT.all().stream()
                        .map(StoredEventType::javaClass)
                        .collect(Collectors.toSet()))
                .isEqualTo(Arrays.stream(IncidentEvent.class.getPermittedSubclasses())
                        .collect(Collectors.toSet()))
                .isEqualTo(SAMPLES.keySet());
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void todaysWriterProducesTheGoldenForm(Class<?> eventClass) {
        StoredEventType type = StoredEventTypes.CURRENT.of(eventClass).orElseThrow();
        JsonNode golden = fixture("stored-events/" + type.name() + ".r" + type.revision() + ".json");

        SerializedObject<String> written = StoredForm.serializer().serialize(SAMPLES.get(eventClass), String.class);

        assertThat(written.getType().getName())
                .isEqualTo(golden.get("payloadType").asText());
        assertThat(written.getType().getRevision())
                .isEqualTo(golden.get("payloadRevision").asText());
        assertThat(tree(written.getData()))
                .as("changing a stored shape needs a new revision and an upcaster")
                .isEqualTo(golden.get("payload"));
    }

    @ParameterizedTest
    @MethodSource("eventClasses")
    void theGoldenFormReadsBackIntoTodaysClass(Class<?> eventClass) {
        StoredEventType type = StoredEventTypes.CURRENT.of(eventClass).orElseThrow();
        assertThat(read(
                        fixture("stored-events/" + type.name() + ".r" + type.revision() + ".json"),
                        StoredForm.serializer()))
                .isEqualTo(SAMPLES.get(eventClass));
    }

    @ParameterizedTest
    @MethodSource("legacyEventClasses")
    void historyStoredUnderClassNamesBeforeRevisionsReadsBackIntoTodaysClass(Class<?> eventClass) {
        assertThat(read(
                        fixture("stored-events/legacy/" + eventClass.getSimpleName() + ".json"),
                        StoredForm.serializer()))
                .isEqualTo(SAMPLES.get(eventClass));
    }

    @Test
    void aFirstRevisionVerdictReadsThroughItsUpcasterWithTheNewComponentsEmpty() {
        IncidentDiagnosed read =
                (IncidentDiagnosed) read(fixture("stored-events/IncidentDiagnosed.r1.json"), StoredForm.serializer());

        assertThat(read).isEqualTo(SAMPLES.get(IncidentDiagnosed.class));
        assertThat(read.diagnosis().deniedElsewhere()).isEmpty();
        assertThat(read.diagnosis().suggestedGrant()).isEmpty();
        assertThat(read.diagnosis().suspectedChange().atRisk()).isEmpty();
        assertThat(read.diagnosis().denials().get(0).reason().policyArn()).isEmpty();
    }

    @Test
    void aSecondRevisionVerdictRecordedBeforeFunctionsAtRiskWereLookedUpReadsWithNone() {
        // Revision 2 as it was stored before the optional component existed (the golden form of 0.1.0's r2).
        IncidentDiagnosed read = (IncidentDiagnosed) read(
                fixture("stored-events/IncidentDiagnosed.r2-without-atRiskFunctions.json"), StoredForm.serializer());

        assertThat(read).isEqualTo(SAMPLES.get(IncidentDiagnosed.class));
        assertThat(read.diagnosis().suspectedChange().atRiskFunctions()).isEmpty();
    }

    @Test
    void aRenamedAndMovedClassStillReadsOldHistoryThroughTheNameTable() {
        List<StoredEventType> renamed = new ArrayList<>(StoredEventTypes.CURRENT.all());
        renamed.replaceAll(type -> type.javaClass() == IncidentReceived.class
                ? new StoredEventType(type.name(), type.revision(), AlertArrived.class)
                : type);
        Serializer serializer = StoredForm.serializer(new StoredEventTypes(renamed));
        IncidentReceived sample = (IncidentReceived) SAMPLES.get(IncidentReceived.class);
        AlertArrived expected = new AlertArrived(sample.incidentId(), sample.alert(), sample.receivedAt());

        assertThat(read(fixture("stored-events/IncidentReceived.r1.json"), serializer))
                .isEqualTo(expected);
        assertThat(read(fixture("stored-events/legacy/IncidentReceived.json"), serializer))
                .isEqualTo(expected);
        assertThat(serializer.serialize(expected, String.class).getType().getName())
                .isEqualTo("IncidentReceived");
    }

    @Test
    void anUnknownTypeOrRevisionFailsLoudlyInsteadOfBeingSkipped() {
        JsonNode unknownType = fixture("stored-events/IncidentReceived.r1.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) unknownType).put("payloadType", "IncidentReopened");
        assertThatThrownBy(() -> read(unknownType, StoredForm.serializer()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("IncidentReopened")
                .hasMessageContaining("not an event this version knows");

        JsonNode newerRevision =
                fixture("stored-events/IncidentReceived.r1.json").deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) newerRevision).put("payloadRevision", "2");
        assertThatThrownBy(() -> read(newerRevision, StoredForm.serializer()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("has revision 2, and no upcaster brings it to revision 1");
    }

    /** Reads a stored form as the event store does: an entry, the upcaster chain, the serializer. */
    private static Object read(JsonNode stored, Serializer serializer) {
        JsonNode revision = stored.get("payloadRevision");
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(
                "IncidentAggregate",
                "data-processor#2026-11-23T08:00:00Z",
                0,
                "event-1",
                "2026-11-23T08:00:02Z",
                stored.get("payloadType").asText(),
                revision.isNull() ? null : revision.asText(),
                stored.get("payload").toString().getBytes(StandardCharsets.UTF_8),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, StoredForm.upcasters())
                .asStream()
                .map(DomainEventMessage::getPayload)
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode fixture(String resource) {
        try (InputStream in = StoredEventsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("No golden fixture " + resource + ": a new event type needs one");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.incidentsupervisor.application;

import io.incidentsupervisor.domain.model.IncidentCommand;
import io.incidentsupervisor.domain.model.IncidentEvent;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The Axon 4 configuration around the Incident aggregate, built without Spring on whichever {@link EventStorageEngine}
 * the caller wires; events are serialized as JSON by Jackson.
 */
public final class AxonRuntime implements AutoCloseable {

    /** Metadata a command carries onto every event it applies: where the alert came from, and which invocation handled it. */
    public static final List<String> DELIVERY_METADATA = List.of("snsMessageId", "requestId");

    /** Commands name their incident themselves, so Axon needs no annotation on the domain records to route them. */
    static final CommandTargetResolver INCIDENT_TARGET = command -> new VersionedAggregateIdentifier(
            ((IncidentCommand) command.getPayload()).incidentId().value(), null);

    private final Configuration configuration;
    private final CommandGateway commandGateway;

    private AxonRuntime(Configuration configuration) {
        this.configuration = configuration;
        this.commandGateway = configuration.commandGateway();
    }

    /** Builds and starts the configuration; close it to shut Axon down. */
    public static AxonRuntime start(EventStorageEngine storageEngine) {
        // Axon reads both switches only as system properties: no phoning home, no advertisement in every cold start's log.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Serializer serializer = serializer();
        // false: no ServiceLoader-located configurer modules, which is also what keeps AxonIQ's update checker out.
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(DELIVERY_METADATA.toArray(String[]::new))))
                .configureEmbeddedEventStore(c -> storageEngine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(IncidentAggregate.class)
                        .configureCommandTargetResolver(c -> INCIDENT_TARGET))
                .buildConfiguration();
        configuration.start();
        return new AxonRuntime(configuration);
    }

    /** The serializer every event store of this project uses: {@link Json#mapper()}. */
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(Json.mapper()).build();
    }

    /** Sends a command and waits for it; returns the events it applied (none for a duplicate alert). */
    public List<IncidentEvent> send(IncidentCommand command) {
        return send(command, Map.of());
    }

    /** As {@link #send(IncidentCommand)}, with metadata that the applied events inherit (see {@link #DELIVERY_METADATA}). */
    @SuppressWarnings("unchecked")
    public List<IncidentEvent> send(IncidentCommand command, Map<String, ?> metadata) {
        return (List<IncidentEvent>) commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }

    public EventStore eventStore() {
        return configuration.eventStore();
    }

    Configuration configuration() {
        return configuration;
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}

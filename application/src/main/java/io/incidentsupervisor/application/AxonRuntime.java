package io.incidentsupervisor.application;

import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.storedevents.StoredForm;
import io.incidentsupervisor.domain.model.IncidentCommand;
import io.incidentsupervisor.domain.model.IncidentEvent;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.Serializer;

/**
 * The Axon 4 configuration around the Incident aggregate, built without Spring on whichever {@link EventStorageEngine}
 * the caller wires; events are serialized in their {@link StoredForm}.
 *
 * <p>Aggregates are cached between commands, so each command of a delivery appends without first re-reading the history
 * the previous one wrote. That weakens nothing: every append is conditional on the next sequence number, so a decision
 * made on a state someone else has moved on from fails with a {@code ConcurrencyException}, and Axon drops the entry.
 */
public final class AxonRuntime implements AutoCloseable {

    /** Metadata a command carries onto every event it applies: where the alert came from, and which invocation handled it. */
    static final List<String> DELIVERY_METADATA = List.of("snsMessageId", "requestId");

    /** Commands name their incident themselves, so Axon needs no annotation on the domain records to route them. */
    static final CommandTargetResolver INCIDENT_TARGET = command -> new VersionedAggregateIdentifier(
            (Object) ((IncidentCommand) command.getPayload()).incidentId().value(), null);

    private final Configuration configuration;
    private final CommandGateway commandGateway;
    private final DeliveryCache aggregates;
    private final EventStorageEngine storage;

    private AxonRuntime(Configuration configuration, DeliveryCache aggregates, EventStorageEngine storage) {
        this.configuration = configuration;
        this.storage = storage;
        this.commandGateway = configuration.commandGateway();
        this.aggregates = aggregates;
    }

    /** Builds and starts the configuration; close it to shut Axon down. */
    public static AxonRuntime start(EventStorageEngine storageEngine) {
        // Axon reads both switches only as system properties: no phoning home, no advertisement in every cold start's
        // log.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Serializer serializer = StoredForm.serializer();
        DeliveryCache aggregates = new DeliveryCache();
        // false: no ServiceLoader-located configurer modules, which is also what keeps AxonIQ's update checker out.
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureCorrelationDataProviders(c -> List.of(
                        new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(DELIVERY_METADATA.toArray(String[]::new))))
                .configureEmbeddedEventStore(c -> storageEngine)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(IncidentAggregate.class)
                        .configureCommandTargetResolver(c -> INCIDENT_TARGET)
                        .configureCache(c -> aggregates))
                .buildConfiguration();
        configuration.start();
        return new AxonRuntime(configuration, aggregates, storageEngine);
    }

    /**
     * Forgets every cached aggregate: called as a delivery starts, so that it decides on the stored history, never on
     * what an earlier delivery in this process cached while another process moved the incident on.
     */
    public void forgetCachedIncidents() {
        aggregates.removeAll();
    }

    /** Sends a command and waits for it; returns the events it applied (none for a duplicate alert). */
    public List<IncidentEvent> send(IncidentCommand command) {
        return send(command, Map.of());
    }

    /** As {@link #send(IncidentCommand)}; the applied events carry the delivery's SNS message id and request id. */
    public List<IncidentEvent> send(IncidentCommand command, Delivery delivery) {
        return send(
                command,
                Map.of(DELIVERY_METADATA.get(0), delivery.messageId(), DELIVERY_METADATA.get(1), delivery.requestId()));
    }

    @SuppressWarnings("unchecked")
    private List<IncidentEvent> send(IncidentCommand command, Map<String, ?> metadata) {
        return (List<IncidentEvent>) commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }

    /** The storage the runtime appends to. */
    public EventStorageEngine storage() {
        return storage;
    }

    Configuration configuration() {
        return configuration;
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}

package io.incidentsupervisor.application;

import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.domain.model.IncidentCommand;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.RecordOccurrence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.MethodCommandHandlerDefinition;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.DefaultParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiHandlerDefinition;
import org.axonframework.messaging.annotation.MultiHandlerEnhancerDefinition;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.Repository;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.modelling.command.inspection.MethodCreationPolicyDefinition;

/**
 * The Axon 4 configuration around the Incident aggregate, built without Spring on whichever {@link EventStorageEngine}
 * the caller wires; the project's engines serialize events in their {@link io.incidentsupervisor.application.storedevents.StoredForm}.
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

    /** Tries of one command whose commit keeps losing races: every loss means another writer appended meanwhile. */
    private static final int MAX_ATTEMPTS = 5;

    private final EmbeddedEventStore eventStore;
    private final CommandGateway commandGateway;
    private final DeliveryCache aggregates;
    private final EventStorageEngine storage;
    private final AtomicLong conflicts = new AtomicLong();

    private AxonRuntime(
            EmbeddedEventStore eventStore,
            CommandGateway commandGateway,
            DeliveryCache aggregates,
            EventStorageEngine storage) {
        this.eventStore = eventStore;
        this.commandGateway = commandGateway;
        this.aggregates = aggregates;
        this.storage = storage;
    }

    /**
     * Wires exactly what a command needs (a command bus with the correlation interceptor, the aggregate's annotated
     * handlers on a caching event-sourcing repository, the event store on the given engine), by hand: Axon's
     * {@code DefaultConfigurer} would also build and start event processing, the query side and deadline handling,
     * which this service never uses, in every cold start. Close it to shut the event store down.
     */
    public static AxonRuntime start(EventStorageEngine storageEngine) {
        // Axon reads both switches only as system properties: no phoning home, no advertisement in every cold start's
        // log.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        EmbeddedEventStore eventStore =
                EmbeddedEventStore.builder().storageEngine(storageEngine).build();
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(List.of(
                new MessageOriginProvider(),
                new SimpleCorrelationDataProvider(DELIVERY_METADATA.toArray(String[]::new)))));
        DeliveryCache aggregates = new DeliveryCache();
        AggregateModel<IncidentAggregate> incident = inspectIncident();
        Repository<IncidentAggregate> repository = EventSourcingRepository.builder(IncidentAggregate.class)
                .aggregateModel(incident)
                .eventStore(eventStore)
                .cache(aggregates)
                .build();
        AggregateAnnotationCommandHandler.<IncidentAggregate>builder()
                .aggregateType(IncidentAggregate.class)
                .aggregateModel(incident)
                .repository(repository)
                .commandTargetResolver(INCIDENT_TARGET)
                .build()
                .subscribe(commandBus);
        CommandGateway gateway =
                DefaultCommandGateway.builder().commandBus(commandBus).build();
        return new AxonRuntime(eventStore, gateway, aggregates, storageEngine);
    }

    /**
     * The aggregate inspected once, for the repository and the command handler alike, with what its handlers use: the
     * payload as their one parameter, command handlers, a creation policy. Left to their defaults, each builder inspects
     * it again, with the 15 parameter resolver factories and 9 handler enhancers Axon lists on the class path (sagas,
     * queries, deadlines, replays), each looked up through the service loader.
     */
    private static AggregateModel<IncidentAggregate> inspectIncident() {
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(
                IncidentAggregate.class,
                new DefaultParameterResolverFactory(),
                MultiHandlerDefinition.ordered(
                        MultiHandlerEnhancerDefinition.ordered(
                                new MethodCommandHandlerDefinition(), new MethodCreationPolicyDefinition()),
                        new AnnotatedMessageHandlingMemberDefinition()));
    }

    /**
     * Forgets every cached aggregate: called as a delivery that opens, recovers or re-decides an incident starts, so that
     * it decides on the stored history, never on what an earlier delivery in this process cached while another process
     * moved the incident on. An occurrence needs no such care: its decision on a cached state that is behind is the
     * stored state's (whatever counted an alert then still counts it), and its commit on such a state loses the race
     * and is retried on the stored one.
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
        return send(command, metadata(delivery));
    }

    /** Records an occurrence: the incident's whole history after it, and whether it was counted (not a repeat). */
    public OccurrenceRecorded record(RecordOccurrence occurrence, Delivery delivery) {
        return retryingConflicts(() -> (OccurrenceRecorded) commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(occurrence).andMetaData(metadata(delivery))));
    }

    /**
     * Sends commands one after another in one unit of work, so that what they apply is appended in one commit: all of it
     * or, when the commit or any command fails, none. Returns the events they applied, in order.
     */
    public List<IncidentEvent> sendTogether(List<? extends IncidentCommand> commands, Delivery delivery) {
        return retryingConflicts(() -> {
            List<IncidentEvent> applied = new ArrayList<>();
            DefaultUnitOfWork<?> commit = DefaultUnitOfWork.startAndGet(null);
            try {
                for (IncidentCommand command : commands) {
                    applied.addAll(dispatch(command, metadata(delivery)));
                }
            } catch (RuntimeException failure) {
                commit.rollback(failure);
                throw failure;
            }
            commit.commit();
            return applied;
        });
    }

    /**
     * Runs a send again, on the stored state (the rolled-back unit of work dropped the aggregates it loaded from the
     * cache), when its commit lost a race for the next sequence number: the decision is
     * made again on what the other writer appended (an occurrence counted during an investigation changes none of the
     * investigation's decisions; a second recovery is refused by the first one's lease).
     */
    private <T> T retryingConflicts(Supplier<T> send) {
        for (int attempt = 1; ; attempt++) {
            try {
                return send.get();
            } catch (ConcurrencyException conflict) {
                conflicts.incrementAndGet();
                if (attempt == MAX_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    /**
     * How many commits of this runtime have lost a race for the next sequence number. Another writer's append between
     * two commits of one incident always makes the second lose one (its cached state is behind), so a caller that sees
     * this unchanged knows the events it applied are all the incident gained meanwhile.
     */
    public long conflicts() {
        return conflicts.get();
    }

    private static Map<String, String> metadata(Delivery delivery) {
        return Map.of(DELIVERY_METADATA.get(0), delivery.messageId(), DELIVERY_METADATA.get(1), delivery.requestId());
    }

    private List<IncidentEvent> send(IncidentCommand command, Map<String, ?> metadata) {
        return retryingConflicts(() -> dispatch(command, metadata));
    }

    @SuppressWarnings("unchecked")
    private List<IncidentEvent> dispatch(IncidentCommand command, Map<String, ?> metadata) {
        return (List<IncidentEvent>) commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
    }

    /** The storage the runtime appends to. */
    public EventStorageEngine storage() {
        return storage;
    }

    @Override
    public void close() {
        eventStore.shutDown();
    }
}

/**
 * What the service needs from outside, implemented in the adapters: the projection stores
 * ({@link io.incidentsupervisor.application.port.out.IncidentStates},
 * {@link io.incidentsupervisor.application.port.out.IncidentContexts}), the rejected-alert store
 * ({@link io.incidentsupervisor.application.port.out.RejectedAlerts}), the context collectors
 * ({@link io.incidentsupervisor.application.port.out.ContextCollector}), the tokenizer
 * ({@link io.incidentsupervisor.application.port.out.TokenCounter}) and the failure classifier
 * ({@link io.incidentsupervisor.application.port.out.FailureClassifier}). The event store is Axon's own port,
 * {@code org.axonframework.eventsourcing.eventstore.EventStorageEngine}.
 */
package io.incidentsupervisor.application.port.out;

package io.incidentsupervisor.application;

import io.incidentsupervisor.domain.model.FailInvestigation;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentCommand;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import io.incidentsupervisor.domain.model.RecordCollectorOutcome;
import io.incidentsupervisor.domain.model.RecordContext;
import io.incidentsupervisor.domain.model.RecordDiagnosis;
import io.incidentsupervisor.domain.model.RecordOccurrence;
import io.incidentsupervisor.domain.model.RecoverInvestigation;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;

/** Axon's view of an incident: every handler hands its command to the pure {@link Incident} core and applies what it decides. */
class IncidentAggregate {

    @AggregateIdentifier
    @SuppressWarnings("UnusedVariable") // Axon reads the identifier reflectively.
    private String incidentId;

    private Incident state = Incident.absent();
    private final List<IncidentEvent> history = new ArrayList<>();

    IncidentAggregate() {
        // Axon instantiates the aggregate before sourcing its events.
    }

    /** Returns the events applied: none means the alert was a duplicate delivery. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    List<IncidentEvent> handle(ReceiveIncident command) {
        return decideAndApply(command);
    }

    /** Answers with the whole history, so that projecting an occurrence needs no read of what was just loaded. */
    @CommandHandler
    OccurrenceRecorded handle(RecordOccurrence command) {
        boolean counted = !decideAndApply(command).isEmpty();
        return new OccurrenceRecorded(history, counted, state.occurrences().count());
    }

    @CommandHandler
    List<IncidentEvent> handle(RecordCollectorOutcome command) {
        return decideAndApply(command);
    }

    @CommandHandler
    List<IncidentEvent> handle(RecordContext command) {
        return decideAndApply(command);
    }

    @CommandHandler
    List<IncidentEvent> handle(RecordDiagnosis command) {
        return decideAndApply(command);
    }

    @CommandHandler
    List<IncidentEvent> handle(FailInvestigation command) {
        return decideAndApply(command);
    }

    @CommandHandler
    List<IncidentEvent> handle(RecoverInvestigation command) {
        return decideAndApply(command);
    }

    @EventSourcingHandler
    void on(IncidentEvent event) {
        state = state.evolve(event);
        history.add(event);
        incidentId = state.id().value();
    }

    private List<IncidentEvent> decideAndApply(IncidentCommand command) {
        List<IncidentEvent> events = state.decide(command);
        events.forEach(AggregateLifecycle::apply);
        return events;
    }
}

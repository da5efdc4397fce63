package io.incidentsupervisor.adapter.aws.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** A commit DynamoDB could not hold (an item over 400 KB, a transaction over its item or byte limit), refused before any write. */
public final class EventStoreLimitExceeded extends EventStoreException {

    EventStoreLimitExceeded(String message) {
        super(message);
    }
}

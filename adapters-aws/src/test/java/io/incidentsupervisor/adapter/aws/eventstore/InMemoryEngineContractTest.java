package io.incidentsupervisor.adapter.aws.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

class InMemoryEngineContractTest extends EventStorageEngineContractTest {

    @Override
    protected EventStorageEngine createEngine() {
        return new InMemoryEventStorageEngine();
    }

    @Override
    protected boolean rejectsTakenSequenceNumbers() {
        return false;
    }
}

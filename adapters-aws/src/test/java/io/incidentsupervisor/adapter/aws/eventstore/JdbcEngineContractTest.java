package io.incidentsupervisor.adapter.aws.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/** Axon's own JDBC engine on HSQLDB: the reference that shows the duplicate-key half of the contract is Axon's, not ours. */
class JdbcEngineContractTest extends EventStorageEngineContractTest {

    @Override
    protected EventStorageEngine createEngine() {
        return ReferenceJdbcEngine.inMemoryHsqldb();
    }
}

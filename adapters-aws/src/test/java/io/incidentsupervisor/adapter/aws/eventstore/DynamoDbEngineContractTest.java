package io.incidentsupervisor.adapter.aws.eventstore;

import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

class DynamoDbEngineContractTest extends EventStorageEngineContractTest {

    @Override
    protected EventStorageEngine createEngine() {
        EventStoreTables tables = SharedDynamoDbLocal.uniqueEventTables();
        tables.createIfMissing(SharedDynamoDbLocal.client());
        return DynamoDbEventStorageEngine.builder()
                .dynamoDb(SharedDynamoDbLocal.client())
                .tables(tables)
                .batchSize(40)
                .snapshots(true)
                .build();
    }
}

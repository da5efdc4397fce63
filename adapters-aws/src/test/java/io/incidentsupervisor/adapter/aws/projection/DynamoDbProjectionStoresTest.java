package io.incidentsupervisor.adapter.aws.projection;

import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.application.port.out.IncidentContexts;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.application.port.out.ProjectionStoresContract;

class DynamoDbProjectionStoresTest extends ProjectionStoresContract {

    private ProjectionTables tables;

    @Override
    protected IncidentStates states() {
        tables = SharedDynamoDbLocal.uniqueProjectionTables();
        tables.createIfMissing(SharedDynamoDbLocal.client());
        return new DynamoDbProjectionStores(SharedDynamoDbLocal.client(), tables);
    }

    @Override
    protected IncidentContexts contexts() {
        return new DynamoDbProjectionStores(SharedDynamoDbLocal.client(), tables);
    }
}

package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.application.projection.InMemoryProjectionStores;

class InMemoryProjectionStoresTest extends ProjectionStoresContract {

    private InMemoryProjectionStores stores;

    @Override
    protected IncidentStates states() {
        stores = new InMemoryProjectionStores();
        return stores;
    }

    @Override
    protected IncidentContexts contexts() {
        return stores;
    }
}

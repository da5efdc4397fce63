package io.incidentsupervisor.application.port.out;

class InMemoryRejectedAlertsTest extends RejectedAlertsContract {

    @Override
    protected RejectedAlerts store() {
        return new InMemoryRejectedAlerts();
    }
}

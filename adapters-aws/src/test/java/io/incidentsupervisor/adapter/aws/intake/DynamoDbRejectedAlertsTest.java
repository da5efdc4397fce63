package io.incidentsupervisor.adapter.aws.intake;

import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.application.port.out.RejectedAlerts;
import io.incidentsupervisor.application.port.out.RejectedAlertsContract;

class DynamoDbRejectedAlertsTest extends RejectedAlertsContract {

    @Override
    protected RejectedAlerts store() {
        DynamoDbRejectedAlerts store = new DynamoDbRejectedAlerts(
                SharedDynamoDbLocal.client(), SharedDynamoDbLocal.uniquePrefix() + "rejected-alerts");
        store.createTableIfMissing();
        return store;
    }
}

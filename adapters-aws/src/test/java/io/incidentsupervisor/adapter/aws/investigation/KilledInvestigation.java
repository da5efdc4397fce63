package io.incidentsupervisor.adapter.aws.investigation;

import io.incidentsupervisor.adapter.aws.eventstore.DynamoDbEventStorageEngine;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Arranges what an invocation killed at its timeout leaves behind: an incident received and started, and nothing more. */
public final class KilledInvestigation {

    private KilledInvestigation() {}

    /** Stores the first two events of {@code alert}'s incident, started at {@code startedAt} with a one-minute lease. */
    public static void arrange(
            DynamoDbClient dynamoDb, EventStoreTables tables, IncidentAlert alert, Instant startedAt) {
        try (AxonRuntime killed = AxonRuntime.start(DynamoDbEventStorageEngine.builder()
                .dynamoDb(dynamoDb)
                .tables(tables)
                .build())) {
            killed.send(new ReceiveIncident(alert, startedAt, startedAt.plus(Duration.ofMinutes(1))));
        }
    }
}

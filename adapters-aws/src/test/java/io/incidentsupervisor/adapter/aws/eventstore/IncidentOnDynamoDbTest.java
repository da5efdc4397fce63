package io.incidentsupervisor.adapter.aws.eventstore;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static io.incidentsupervisor.domain.model.SampleIncidents.LEASE;
import static io.incidentsupervisor.domain.model.SampleIncidents.T0;
import static io.incidentsupervisor.domain.model.SampleIncidents.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import io.incidentsupervisor.domain.model.RecordContext;
import io.incidentsupervisor.local.DynamoDbLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The Incident aggregate on the DynamoDB engine, and its history surviving a restart of a persisted DynamoDB Local. */
class IncidentOnDynamoDbTest {

    private static final EventStoreTables TABLES = SharedDynamoDbLocal.withPrefix("incident-");

    @Test
    void anIncidentsHistoryReadsBackIdenticalAfterARestart(@TempDir Path folder) {
        List<String> before;
        try (DynamoDbLocal dynamoDbLocal = DynamoDbLocal.persistedIn(folder);
                DynamoDbClient client = dynamoDbLocal.newClient();
                AxonRuntime axon = AxonRuntime.start(engine(client))) {
            axon.send(new ReceiveIncident(ALERT, T0, T0.plus(LEASE)));
            axon.send(new RecordContext(ID, 1, context(T0.plusSeconds(3)), T0.plusSeconds(3)));

            List<? extends DomainEventMessage<?>> history =
                    axon.storage().readEvents(ID.value()).asStream().collect(Collectors.toList());
            assertThat(history)
                    .extracting(m -> (Object) m.getPayload().getClass())
                    .containsExactly(IncidentReceived.class, InvestigationStarted.class, ContextGathered.class);
            before = describe(history);
        }
        assertThat(folder.resolve("shared-local-instance.db")).exists();
        assertThat(fileSize(folder.resolve("shared-local-instance.db"))).isPositive();

        try (DynamoDbLocal restarted = DynamoDbLocal.persistedIn(folder);
                DynamoDbClient client = restarted.newClient();
                AxonRuntime axon = AxonRuntime.start(engine(client))) {
            List<? extends DomainEventMessage<?>> history =
                    axon.storage().readEvents(ID.value()).asStream().collect(Collectors.toList());
            assertThat(describe(history)).isEqualTo(before);
            assertThat(history.get(2).getPayload())
                    .isEqualTo(new ContextGathered(ID, 1, context(T0.plusSeconds(3)), T0.plusSeconds(3)));
            assertThat(axon.send(new ReceiveIncident(ALERT, T0.plusSeconds(60), T0.plus(LEASE))))
                    .as("a redelivery after the restart is a duplicate")
                    .isEmpty();
        }
    }

    private static DynamoDbEventStorageEngine engine(DynamoDbClient client) {
        TABLES.createIfMissing(client);
        return DynamoDbEventStorageEngine.builder()
                .dynamoDb(client)
                .tables(TABLES)
                .build();
    }

    private static List<String> describe(List<? extends DomainEventMessage<?>> history) {
        return history.stream()
                .map(m -> m.getSequenceNumber() + "|" + m.getIdentifier() + "|" + m.getTimestamp() + "|" + m.getType()
                        + "|" + m.getMetaData() + "|" + m.getPayload())
                .collect(Collectors.toList());
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.AwsFailureClassifier;
import io.incidentsupervisor.adapter.aws.eventstore.DynamoDbEventStorageEngine;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.intake.DynamoDbRejectedAlerts;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbIncidentContexts;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbIncidentStates;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.adapter.lambda.SnsAlertHandler;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.context.JtokkitTokenCounter;
import io.incidentsupervisor.application.investigation.IncidentInvestigation;
import io.incidentsupervisor.application.projection.Projections;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The whole service wired by hand, once: SDK clients on one HTTP client, the event store, the use case and the SNS handler. */
final class IncidentSupervisor implements AutoCloseable {

    /** The SDK clients, built once; endpoints and region come from the SDK's own environment handling. */
    record AwsClients(DynamoDbClient dynamoDb, LambdaClient lambda, IamClient iam, CloudWatchLogsClient logs) {

        static AwsClients fromEnvironment() {
            SdkHttpClient http = UrlConnectionHttpClient.create();
            return new AwsClients(DynamoDbClient.builder().httpClient(http).build(), LambdaClient.builder().httpClient(http).build(),
                    IamClient.builder().httpClient(http).region(Region.AWS_GLOBAL).build(), CloudWatchLogsClient.builder().httpClient(http).build());
        }
    }

    /** How long a collector is given; with less time left before the deadline it is skipped. */
    private static final Duration TIME_PER_COLLECTOR = Duration.ofSeconds(3);

    final Settings settings;
    final AwsClients clients;
    final AxonRuntime axon;
    final DynamoDbIncidentStates states;
    final DynamoDbIncidentContexts contexts;
    final DynamoDbRejectedAlerts rejected;
    final IncidentInvestigation investigation;
    final SnsAlertHandler snsHandler;

    IncidentSupervisor(Settings settings, AwsClients clients) {
        Clock clock = Clock.systemUTC();
        this.settings = settings;
        this.clients = clients;
        this.axon = AxonRuntime.start(DynamoDbEventStorageEngine.builder()
                .dynamoDb(clients.dynamoDb())
                .tables(new EventStoreTables(settings.eventsTable(), settings.snapshotsTable()))
                .eventSerializer(AxonRuntime.serializer())
                .snapshotSerializer(AxonRuntime.serializer())
                .build());
        ProjectionTables projectionTables = new ProjectionTables(settings.stateTable(), settings.contextTable());
        this.states = new DynamoDbIncidentStates(clients.dynamoDb(), projectionTables);
        this.contexts = new DynamoDbIncidentContexts(clients.dynamoDb(), projectionTables);
        this.rejected = new DynamoDbRejectedAlerts(clients.dynamoDb(), settings.rejectedTable());
        ContextGatherer gatherer = new ContextGatherer(
                ContextCollectors.registry(clients.lambda(), clients.iam(), clients.logs(), settings.logGroupOverrides(), settings.logWindowBefore(),
                        settings.logWindowAfter()),
                settings.tokenBudget(), new JtokkitTokenCounter(), clock, TIME_PER_COLLECTOR);
        this.investigation = new IncidentInvestigation(axon, gatherer,
                new Projections(axon.eventStore(), states, contexts, settings.staleThreshold()), settings.supervisedFunctions(),
                new AwsFailureClassifier(), clock, settings.staleThreshold());
        this.snsHandler = new SnsAlertHandler(investigation, rejected, clock);
    }

    /** Creates every table that is missing, for local runs; in AWS the stack creates them. */
    void createTablesIfMissing() {
        new EventStoreTables(settings.eventsTable(), settings.snapshotsTable()).createIfMissing(clients.dynamoDb());
        new ProjectionTables(settings.stateTable(), settings.contextTable()).createIfMissing(clients.dynamoDb());
        rejected.createTableIfMissing();
    }

    @Override
    public void close() {
        axon.close();
    }
}

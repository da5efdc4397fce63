package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.AwsFailureClassifier;
import io.incidentsupervisor.adapter.aws.eventstore.DynamoDbEventStorageEngine;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.intake.DynamoDbRejectedAlerts;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbIncidentContexts;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbIncidentStates;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.adapter.lambda.AlertMetrics;
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
public final class IncidentSupervisor implements AutoCloseable {

    /** The SDK clients, built once on one HTTP client; endpoints and credentials come from the SDK's own settings. */
    public record AwsClients(DynamoDbClient dynamoDb, LambdaClient lambda, IamClient iam, CloudWatchLogsClient logs) {

        public static AwsClients forRegion(String region) {
            SdkHttpClient http = UrlConnectionHttpClient.create();
            Region regional = Region.of(region);
            return new AwsClients(DynamoDbClient.builder().httpClient(http).region(regional).build(),
                    LambdaClient.builder().httpClient(http).region(regional).build(),
                    IamClient.builder().httpClient(http).region(Region.AWS_GLOBAL).build(),
                    CloudWatchLogsClient.builder().httpClient(http).region(regional).build());
        }
    }

    /** How long a collector is given; with less time left before the deadline it is skipped. */
    private static final Duration TIME_PER_COLLECTOR = Duration.ofSeconds(3);

    public final Settings settings;
    public final AwsClients clients;
    public final AxonRuntime axon;
    public final DynamoDbIncidentStates states;
    public final DynamoDbIncidentContexts contexts;
    public final DynamoDbRejectedAlerts rejected;
    public final Projections projections;
    public final IncidentInvestigation investigation;
    public final SnsAlertHandler snsHandler;
    public final StaleRecovery staleRecovery;

    public IncidentSupervisor(Settings settings, AwsClients clients, AlertMetrics metrics) {
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
        this.projections = new Projections(axon.eventStore(), states, contexts, settings.staleThreshold());
        this.investigation = new IncidentInvestigation(axon, gatherer, projections, settings.supervisedFunctions(),
                new AwsFailureClassifier(), clock, settings.staleThreshold());
        this.snsHandler = new SnsAlertHandler(investigation, rejected, metrics, clock);
        this.staleRecovery = new StaleRecovery(states, investigation, clock);
    }

    /** Creates every table that is missing, for local runs; in AWS the stack creates them. */
    public void createTablesIfMissing() {
        new EventStoreTables(settings.eventsTable(), settings.snapshotsTable()).createIfMissing(clients.dynamoDb());
        new ProjectionTables(settings.stateTable(), settings.contextTable()).createIfMissing(clients.dynamoDb());
        rejected.createTableIfMissing();
    }

    @Override
    public void close() {
        axon.close();
    }
}

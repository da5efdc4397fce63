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
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The whole service wired by hand, once: SDK clients on one HTTP client, the event store, the use case and the SNS handler. */
public final class IncidentSupervisor implements AutoCloseable {

    /**
     * The SDK clients, built once on one HTTP client; endpoints and credentials come from the SDK's own settings. Every
     * call is bounded: each HTTP attempt by {@link #ATTEMPT_TIMEOUT}, the call with its retries by {@link #CALL_TIMEOUT},
     * so no AWS API, however slow, holds an invocation (or a cut-off collector's thread) for longer.
     */
    public record AwsClients(DynamoDbClient dynamoDb, LambdaClient lambda, IamClient iam, CloudWatchLogsClient logs) {

        static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(4);
        static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

        public static AwsClients forRegion(String region) {
            SdkHttpClient http = UrlConnectionHttpClient.create();
            Region regional = Region.of(region);
            ClientOverrideConfiguration bounded = ClientOverrideConfiguration.builder()
                    .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                    .apiCallTimeout(CALL_TIMEOUT)
                    .build();
            return new AwsClients(
                    DynamoDbClient.builder()
                            .httpClient(http)
                            .region(regional)
                            .overrideConfiguration(bounded)
                            .build(),
                    LambdaClient.builder()
                            .httpClient(http)
                            .region(regional)
                            .overrideConfiguration(bounded)
                            .build(),
                    IamClient.builder()
                            .httpClient(http)
                            .region(Region.AWS_GLOBAL)
                            .overrideConfiguration(bounded)
                            .build(),
                    CloudWatchLogsClient.builder()
                            .httpClient(http)
                            .region(regional)
                            .overrideConfiguration(bounded)
                            .build());
        }
    }

    /** A collector whose share of the time left is shorter than this is not started. */
    private static final Duration MINIMUM_COLLECTOR_SHARE = Duration.ofSeconds(1);
    /** Kept before the deadline for recording what was gathered: two commits and two projection rows. */
    private static final Duration RECORDING_RESERVE = Duration.ofSeconds(5);

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
                .build());
        ProjectionTables projectionTables = new ProjectionTables(settings.stateTable(), settings.contextTable());
        this.states = new DynamoDbIncidentStates(clients.dynamoDb(), projectionTables);
        this.contexts = new DynamoDbIncidentContexts(clients.dynamoDb(), projectionTables);
        this.rejected = new DynamoDbRejectedAlerts(clients.dynamoDb(), settings.rejectedTable());
        ContextGatherer gatherer = new ContextGatherer(
                ContextCollectors.registry(
                        clients.lambda(),
                        clients.iam(),
                        clients.logs(),
                        settings.logGroupOverrides(),
                        settings.logWindowBefore(),
                        settings.logWindowAfter()),
                settings.tokenBudget(),
                new JtokkitTokenCounter(),
                clock,
                MINIMUM_COLLECTOR_SHARE,
                RECORDING_RESERVE);
        this.projections = new Projections(axon.eventStore(), states, contexts, settings.staleThreshold());
        this.investigation = new IncidentInvestigation(
                axon,
                gatherer,
                projections,
                settings.supervisedFunctions(),
                new AwsFailureClassifier(),
                clock,
                settings.staleThreshold());
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

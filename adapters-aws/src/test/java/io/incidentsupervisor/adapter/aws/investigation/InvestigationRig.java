package io.incidentsupervisor.adapter.aws.investigation;

import io.incidentsupervisor.adapter.aws.AwsFailureClassifier;
import io.incidentsupervisor.adapter.aws.collector.AwsStubs;
import io.incidentsupervisor.adapter.aws.collector.CloudWatchLogsCollector;
import io.incidentsupervisor.adapter.aws.collector.IamRoleCollector;
import io.incidentsupervisor.adapter.aws.collector.LambdaConfigurationCollector;
import io.incidentsupervisor.adapter.aws.collector.LambdaConfigurationCollectorTest;
import io.incidentsupervisor.adapter.aws.diagnosis.AwsResourcePolicies;
import io.incidentsupervisor.adapter.aws.diagnosis.CloudTrailChangeHistory;
import io.incidentsupervisor.adapter.aws.diagnosis.IamRoleEvidence;
import io.incidentsupervisor.adapter.aws.episode.DynamoDbEpisodes;
import io.incidentsupervisor.adapter.aws.eventstore.DynamoDbEventStorageEngine;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.local.RequestCounter;
import io.incidentsupervisor.adapter.aws.local.SharedDynamoDbLocal;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbProjectionStores;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.adapter.aws.tokens.O200kTokenCounter;
import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.context.CollectorRegistry;
import io.incidentsupervisor.application.context.ContextFitter;
import io.incidentsupervisor.application.context.ContextGatherer;
import io.incidentsupervisor.application.context.StubCollector;
import io.incidentsupervisor.application.diagnosis.Diagnoser;
import io.incidentsupervisor.application.diagnosis.StubEvidence;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.application.investigation.IncidentInvestigation;
import io.incidentsupervisor.application.investigation.Recurrences;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.out.FailureClassifier;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One alert's whole investigation: DynamoDB Local for events and projections, the real collectors against the sample account on WireMock. */
public final class InvestigationRig implements AutoCloseable {

    static final IncidentAlert ALERT = LambdaConfigurationCollectorTest.ALERT;

    final AwsStubs aws = AwsStubs.sampleAccount().denyListingAttachedRolePolicies();
    final Clock clock = Clock.systemUTC();
    final DynamoDbClient dynamoDb;
    final AxonRuntime axon;
    final DynamoDbProjectionStores states;
    final DynamoDbProjectionStores contexts;
    final IncidentInvestigation investigation;

    /** The episode window every rig and test here uses. */
    static final EpisodeWindow WINDOW = new EpisodeWindow(Duration.ofMinutes(15));

    /** Episodes in a table no other test uses. */
    static DynamoDbEpisodes episodes(DynamoDbClient dynamoDb) {
        DynamoDbEpisodes episodes =
                new DynamoDbEpisodes(dynamoDb, SharedDynamoDbLocal.uniquePrefix() + "episodes", Clock.systemUTC());
        episodes.createTableIfMissing();
        return episodes;
    }

    /** Occurrences counted on a fresh episodes table, waiting up to a second for a claimed incident. */
    static Recurrences recurrences(DynamoDbClient dynamoDb, AxonRuntime axon, Projections projections, Clock clock) {
        return new Recurrences(axon, episodes(dynamoDb), projections, WINDOW, Duration.ofSeconds(1), clock);
    }

    /** The context row as production fits it: the default budget, the collectors' trim order. */
    /**
     * One Lambda instance of the concurrency tests: its own Axon runtime over shared tables, one stub collector (which
     * runs {@code meanwhile} before it answers), the stub diagnosis, and the shared projection stores and episodes.
     */
    static IncidentInvestigation instance(
            AxonRuntime runtime,
            DynamoDbProjectionStores stores,
            DynamoDbEpisodes episodes,
            Clock clock,
            Runnable meanwhile) {
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(new StubCollector("lambda-configuration", alert -> {
                    meanwhile.run();
                    return CollectorResult.gathered("lambda-configuration", Map.of());
                }))
                .build();
        Projections projections = new Projections(runtime.storage(), stores, stores, Duration.ofSeconds(30), fitter());
        return new IncidentInvestigation(
                runtime,
                new AuditHistory(runtime.storage()),
                new ContextGatherer(registry, new O200kTokenCounter(), clock, Duration.ofSeconds(1), Duration.ZERO),
                new StubEvidence().diagnoser(clock),
                projections,
                new Recurrences(runtime, episodes, projections, WINDOW, Duration.ofSeconds(5), clock),
                Set.of("data-processor"),
                FailureClassifier.UNKNOWN_IS_RETRYABLE,
                clock,
                Duration.ofSeconds(30));
    }

    static ContextFitter fitter() {
        return new ContextFitter(
                new O200kTokenCounter(),
                List.of(CloudWatchLogsCollector.NAME, IamRoleCollector.NAME, LambdaConfigurationCollector.NAME),
                new TokenBudget(TokenBudget.DEFAULT));
    }

    /** @param interceptors see or change every DynamoDB request */
    InvestigationRig(ExecutionInterceptor... interceptors) {
        ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder();
        for (ExecutionInterceptor interceptor : interceptors) {
            overrides.addExecutionInterceptor(interceptor);
        }
        dynamoDb = SharedDynamoDbLocal.server().newClient(overrides.build());

        EventStoreTables eventTables = SharedDynamoDbLocal.uniqueEventTables();
        eventTables.createIfMissing(dynamoDb);
        ProjectionTables projectionTables = SharedDynamoDbLocal.uniqueProjectionTables();
        projectionTables.createIfMissing(dynamoDb);
        states = new DynamoDbProjectionStores(dynamoDb, projectionTables);
        contexts = new DynamoDbProjectionStores(dynamoDb, projectionTables);
        axon = AxonRuntime.start(DynamoDbEventStorageEngine.builder()
                .dynamoDb(dynamoDb)
                .tables(eventTables)
                .build());
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(new LambdaConfigurationCollector(aws.lambda()))
                .errorType(
                        "S3AccessError",
                        new CloudWatchLogsCollector(
                                aws.logs(), Map.of(), Duration.ofMinutes(10), Duration.ofMinutes(1)),
                        new IamRoleCollector(aws.lambda(), aws.iam()))
                .build();
        Projections projections =
                new Projections(axon.storage(), states, contexts, Duration.ofSeconds(30), InvestigationRig.fitter());
        investigation = new IncidentInvestigation(
                axon,
                new AuditHistory(axon.storage()),
                new ContextGatherer(registry, new O200kTokenCounter(), clock, Duration.ofSeconds(1), Duration.ZERO),
                new Diagnoser(
                        new IamRoleEvidence(aws.lambda(), aws.iam()),
                        new CloudTrailChangeHistory(aws.cloudTrail(), aws.cloudTrail(), aws.iam(), Duration.ZERO),
                        new AwsResourcePolicies(aws::s3, aws::lambda),
                        clock,
                        Duration.ofHours(24),
                        Duration.ZERO,
                        false,
                        Set.of("data-processor")),
                projections,
                recurrences(dynamoDb, axon, projections, clock),
                Set.of("data-processor"),
                new AwsFailureClassifier(),
                clock,
                Duration.ofSeconds(30));
    }

    /** The DynamoDB requests, per operation, that one first delivery of the sample alert costs end to end. */
    public static Map<String, Long> firstDeliveryRequests() {
        return firstDelivery(new RequestCounter()).snapshot();
    }

    /** The requests of the sample alert's first delivery, in a fresh process (its first commit reads the counter). */
    public static RequestCounter firstDelivery(RequestCounter requests) {
        try (InvestigationRig rig = new InvestigationRig(requests)) {
            requests.reset();
            rig.handle(ALERT, "msg-1", Outcome.Investigated.class);
            return requests;
        }
    }

    /**
     * The requests, in a process that has committed before, of a second alert of the same failure three seconds later
     * (an occurrence of the first one's incident) and of the first alert delivered again (a duplicate): DynamoDB's by
     * operation, and under {@code "other AWS"} the calls to every other AWS API (the sample account's stubs).
     */
    public static Map<String, Map<String, Long>> repeatRequests() {
        RequestCounter requests = new RequestCounter();
        try (InvestigationRig rig = new InvestigationRig(requests)) {
            rig.handle(ALERT, "msg-1", Outcome.Investigated.class);
            IncidentAlert again = repeat(ALERT, 3);
            requests.reset();
            int awsCallsBefore = rig.aws.server.getAllServeEvents().size();
            rig.handle(again, "msg-2", Outcome.Recurred.class);
            Map<String, Long> repeat = requests.snapshot();
            long repeatAwsCalls = rig.aws.server.getAllServeEvents().size() - awsCallsBefore;
            requests.reset();
            rig.handle(ALERT, "msg-1", Outcome.Duplicate.class);
            Map<String, Long> duplicate = requests.snapshot();
            // A process that has not loaded the incident yet (a cold start, or after another incident's delivery).
            rig.axon.forgetCachedIncidents();
            requests.reset();
            rig.handle(repeat(again, 3), "msg-3", Outcome.Recurred.class);
            return Map.of(
                    "repeat",
                    repeat,
                    "cold repeat",
                    requests.snapshot(),
                    "duplicate",
                    duplicate,
                    "other AWS",
                    Map.of("repeat", repeatAwsCalls));
        }
    }

    private static IncidentAlert repeat(IncidentAlert alert, long secondsLater) {
        return IncidentAlert.of(
                alert.errorType(),
                alert.errorMessage(),
                alert.errorCode(),
                alert.lambdaName(),
                alert.timestamp().plusSeconds(secondsLater).toString());
    }

    /** Delivers one alert, which must end as {@code expected}. */
    Outcome handle(IncidentAlert alert, String messageId, Class<? extends Outcome> expected) {
        Outcome outcome = investigation.handle(
                alert,
                new Delivery(messageId, "request-" + messageId, clock.instant().plusSeconds(60)));
        if (!expected.isInstance(outcome)) {
            throw new IllegalStateException("Expected " + expected.getSimpleName() + ", got " + outcome);
        }
        return outcome;
    }

    @Override
    public void close() {
        axon.close();
        aws.close();
        dynamoDb.close();
    }
}

package io.incidentsupervisor.infrastructure;

import io.incidentsupervisor.adapter.aws.episode.DynamoDbEpisodes;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.intake.DynamoDbRejectedAlerts;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.bootstrap.Deployment;
import io.incidentsupervisor.bootstrap.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.dynamodb.StreamViewType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.EventInvokeConfigOptions;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.subscriptions.LambdaSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.constructs.Construct;

/**
 * Everything the supervisor needs in one stack. The tables are declared from the code's own definitions
 * ({@code EventStoreTables}, {@code ProjectionTables}, {@code DynamoDbRejectedAlerts}, {@code DynamoDbEpisodes}), and the role grants exactly the
 * operations the code performs, on exactly its resources ({@code IamMatchesCodeTest} proves both directions).
 */
public final class SupervisorStack extends Stack {

    public static final String NAME = "IncidentSupervisor";
    /** Measured: see README "Sizing". A cold start plus three collectors fits in a few seconds; the rest is room for retries. */
    static final int MEMORY_MB = 1024;

    static final Duration TIMEOUT = Duration.seconds(60);
    static final Duration RECOVERY_TIMEOUT = Duration.minutes(5);
    static final Duration RECOVERY_RATE = Duration.minutes(5);
    static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

    private final Map<String, Table> tables = new LinkedHashMap<>();

    public SupervisorStack(Construct scope, String id, StackProps props, StackConfig config) {
        super(scope, id, props);
        Settings settings = config.settings();

        List<CreateTableRequest> eventStore =
                new EventStoreTables(settings.eventsTable(), settings.snapshotsTable()).definitions();
        List<CreateTableRequest> projections =
                new ProjectionTables(settings.stateTable(), settings.contextTable()).definitions();
        Table events = table(
                "EventsTable", eventStore.get(0), b -> b.deletionProtection(true).stream(StreamViewType.NEW_IMAGE));
        Table snapshots = table("SnapshotsTable", eventStore.get(1), b -> {});
        Table states = table("IncidentStateTable", projections.get(0), b -> {});
        Table contexts =
                table("IncidentContextTable", projections.get(1), b -> b.timeToLiveAttribute(ProjectionTables.TTL));
        Table rejected = table(
                "RejectedAlertsTable",
                DynamoDbRejectedAlerts.definition(settings.rejectedTable()),
                b -> b.timeToLiveAttribute(DynamoDbRejectedAlerts.TTL));
        Table episodes = table(
                "EpisodesTable",
                DynamoDbEpisodes.definition(settings.episodesTable()),
                b -> b.timeToLiveAttribute(DynamoDbEpisodes.TTL));

        Role role = Role.Builder.create(this, "SupervisorRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("incident-supervisor: exactly the operations its code performs")
                .build();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SUPERVISED_FUNCTIONS", String.join(",", config.supervisedFunctions()));
        environment.put("EVENTS_TABLE", events.getTableName());
        environment.put("SNAPSHOTS_TABLE", snapshots.getTableName());
        environment.put("STATE_TABLE", states.getTableName());
        environment.put("CONTEXT_TABLE", contexts.getTableName());
        environment.put("REJECTED_TABLE", rejected.getTableName());
        environment.put("EPISODES_TABLE", episodes.getTableName());
        environment.put("EPISODE_WINDOW", settings.episodeWindow().quiet().toString());
        // The lease floor is the function's timeout: an investigation killed at its timeout is stale once the timeout
        // has passed.
        environment.put("STALE_THRESHOLD", Long.toString(TIMEOUT.toSeconds().longValue()));
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // C1 only: measured 16% faster from spawn to handled (ColdStartBench); the work is I/O-bound, so C2's peak
        // speed is not missed.
        environment.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);

        StackFunction supervisor = StackFunction.declare(
                this,
                "Supervisor",
                Deployment.FUNCTION,
                config.intake() == StackConfig.Intake.SQS ? Deployment.SQS_HANDLER : Deployment.HANDLER,
                role,
                TIMEOUT,
                environment,
                config,
                b -> config.reservedConcurrency().ifPresent(b::reservedConcurrentExecutions));
        Function function = supervisor.function();
        Alias live = supervisor.live();

        // Alerts the supervisor gave up on: the asynchronous invocation's on-failure destination, or the intake queue's
        // dead-letter queue.
        Queue failed = Queue.Builder.create(this, "FailedAlerts")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        ITopic topic = AlertTopic.of(this, config);
        if (config.intake() == StackConfig.Intake.SQS) {
            SqsIntake.connect(this, topic, live, TIMEOUT, failed);
        } else {
            live.configureAsyncInvoke(EventInvokeConfigOptions.builder()
                    .retryAttempts(2)
                    .maxEventAge(Duration.hours(6))
                    .onFailure(new SqsDestination(failed))
                    .build());
            topic.addSubscription(new LambdaSubscription(live));
        }

        Alarm.Builder.create(this, "FailedAlertsAlarm")
                .alarmDescription("Alerts the supervisor gave up on are waiting in the failure queue")
                .metric(failed.metricApproximateNumberOfMessagesVisible())
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Alarm.Builder.create(this, "SupervisorErrorsAlarm")
                .alarmDescription("The supervisor function failed invocations")
                .metric(function.metricErrors())
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();

        StackFunction recovery = StackFunction.declare(
                this,
                "Recovery",
                Deployment.RECOVERY_FUNCTION,
                Deployment.RECOVERY_HANDLER,
                role,
                RECOVERY_TIMEOUT,
                environment,
                config,
                b -> b.reservedConcurrentExecutions(1));
        Rule.Builder.create(this, "StaleRecoverySchedule")
                .description("Recovers stale investigations")
                .schedule(Schedule.rate(RECOVERY_RATE))
                .targets(List.of(new LambdaFunction(recovery.live())))
                .build();

        CodePermissions.grant(this, tables, role, config, List.of(supervisor.logs(), recovery.logs()));

        Map<String, String> reading = new LinkedHashMap<>();
        for (String name : List.of(
                "EVENTS_TABLE",
                "SNAPSHOTS_TABLE",
                "STATE_TABLE",
                "CONTEXT_TABLE",
                "EPISODES_TABLE",
                "REJECTED_TABLE",
                "AXONIQ_UPDATE_CHECKER_DISABLED",
                "JAVA_TOOL_OPTIONS")) {
            reading.put(name, environment.get(name));
        }
        McpFunctionUrl.add(this, tables, config, reading);
        EventPublishing.add(this, tables, config, reading);
    }

    private Table table(String id, CreateTableRequest definition, java.util.function.Consumer<Table.Builder> extra) {
        Table table = CodeDefinedTables.declare(this, id, definition, extra);
        tables.put(id, table);
        return table;
    }
}

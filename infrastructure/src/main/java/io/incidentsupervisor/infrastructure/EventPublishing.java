package io.incidentsupervisor.infrastructure;

import io.incidentsupervisor.bootstrap.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.events.EventBus;
import software.amazon.awscdk.services.events.IEventBus;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.StartingPosition;
import software.amazon.awscdk.services.lambda.eventsources.DynamoEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsDlq;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;

/**
 * Lifecycle events to a bus: the publisher function on the event table's stream (every committed stored event, at
 * least once; a batch not published is sent again, records older than the stream's 24 hours go to a queue), on a role
 * of its own that may read the event table and put events on that bus only.
 */
final class EventPublishing {

    static final String BUS_NAME = "incident-supervisor";
    static final Duration TIMEOUT = Duration.seconds(60);

    private EventPublishing() {}

    static IEventBus add(
            Stack stack, Map<String, Table> tables, StackConfig config, Map<String, String> tableEnvironment) {
        IEventBus bus = config.eventBusArn()
                .map(arn -> EventBus.fromEventBusArn(stack, "LifecycleBus", arn))
                .orElseGet(() -> EventBus.Builder.create(stack, "LifecycleBus")
                        .eventBusName(BUS_NAME)
                        .build());
        Role role = Role.Builder.create(stack, "EventsRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description(
                        "incident-supervisor lifecycle events: reads the event table and its stream, puts on one bus")
                .build();
        Map<String, String> environment = new LinkedHashMap<>(tableEnvironment);
        environment.put("EVENT_BUS", bus.getEventBusArn());
        if (config.chatTopic()) {
            Topic chat = Topic.Builder.create(stack, "ChatTopic")
                    .displayName("incident-supervisor incidents")
                    .masterKey(software.amazon.awscdk.services.kms.Alias.fromAliasName(
                            stack, "ChatTopicKey", AlertTopic.KEY_ALIAS))
                    .enforceSsl(true)
                    .build();
            role.addToPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("sns:Publish"))
                    .resources(List.of(chat.getTopicArn()))
                    .build());
            environment.put("CHAT_TOPIC_ARN", chat.getTopicArn());
            CfnOutput.Builder.create(stack, "ChatTopicArn")
                    .description("Subscribe Amazon Q Developer in chat applications (Slack, Teams) to this topic")
                    .value(chat.getTopicArn())
                    .build();
        }
        StackFunction publisher = StackFunction.declare(
                stack,
                "Events",
                Deployment.EVENTS_FUNCTION,
                Deployment.EVENTS_HANDLER,
                role,
                TIMEOUT,
                environment,
                config,
                b -> {});
        Alias live = publisher.live();
        Queue unpublished = Queue.Builder.create(stack, "UnpublishedEvents")
                .retentionPeriod(Duration.days(14))
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .build();
        live.addEventSource(new DynamoEventSource(
                tables.get("EventsTable"),
                software.amazon.awscdk.services.lambda.eventsources.DynamoEventSourceProps.builder()
                        .startingPosition(StartingPosition.TRIM_HORIZON)
                        .batchSize(100)
                        .bisectBatchOnError(true)
                        .reportBatchItemFailures(true)
                        .retryAttempts(10_000)
                        .maxRecordAge(Duration.hours(24))
                        .onFailure(new SqsDlq(unpublished))
                        .build()));
        CodePermissions.grantPublishing(tables, role, publisher.logs(), List.of(bus.getEventBusArn()));
        return bus;
    }
}

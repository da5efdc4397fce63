package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.lifecycle.EventBridgeLifecyclePublisher;
import io.incidentsupervisor.adapter.aws.lifecycle.SnsChatPublisher;
import io.incidentsupervisor.adapter.lambda.EventStreamHandler;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.application.lifecycle.LifecyclePublishing;
import io.incidentsupervisor.application.port.out.LifecyclePublisher;
import io.incidentsupervisor.domain.model.InvalidConfiguration;

/**
 * The stream publisher wired once per execution environment: the event store's histories (nothing else of the stores,
 * so no vocabulary is read at start-up), EventBridge and the chat topic, the stream's keys.
 */
public final class PublishingWiring {

    private PublishingWiring() {}

    private static final class Holder {
        static final Settings SETTINGS = requireBus(Settings.forReading(System.getenv()));
        static final AwsClients CLIENTS = new AwsClients(SETTINGS.region());
        static final EventStreamHandler HANDLER = new EventStreamHandler(
                new LifecyclePublishing(
                        new AuditHistory(Stores.eventStorage(SETTINGS, CLIENTS.dynamoDb())),
                        publisher(SETTINGS, CLIENTS)),
                EventStoreTables::committed);
    }

    static EventStreamHandler handler() {
        return Holder.HANDLER;
    }

    /** The bus, and the chat topic when one is configured: a batch counts as published once both took it. */
    public static LifecyclePublisher publisher(Settings settings, AwsClients clients) {
        LifecyclePublisher bus = new EventBridgeLifecyclePublisher(clients.eventBridge(), settings.eventBus());
        if (settings.chatTopicArn().isEmpty()) {
            return bus;
        }
        LifecyclePublisher chat = new SnsChatPublisher(clients.sns(), settings.chatTopicArn());
        return events -> {
            bus.publish(events);
            chat.publish(events);
        };
    }

    private static Settings requireBus(Settings settings) {
        if (settings.eventBus().isEmpty()) {
            throw new InvalidConfiguration("EVENT_BUS", "must name the bus lifecycle events are published to");
        }
        return settings;
    }
}

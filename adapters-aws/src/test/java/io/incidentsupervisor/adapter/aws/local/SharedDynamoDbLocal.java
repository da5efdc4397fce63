package io.incidentsupervisor.adapter.aws.local;

import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.local.DynamoDbLocal;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** One in-memory DynamoDB Local for the whole test JVM (start-up costs about a second); tests isolate by table prefix. */
public final class SharedDynamoDbLocal {

    private static DynamoDbLocal server;
    private static DynamoDbClient client;

    private SharedDynamoDbLocal() {}

    public static synchronized DynamoDbClient client() {
        if (server == null) {
            server = DynamoDbLocal.inMemory();
            client = server.newClient();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return client;
    }

    public static synchronized DynamoDbLocal server() {
        client();
        return server;
    }

    /** Event store tables no other test uses. */
    public static EventStoreTables uniqueEventTables() {
        return withPrefix(uniquePrefix());
    }

    /** Event store tables whose names start with {@code prefix}. */
    public static EventStoreTables withPrefix(String prefix) {
        return new EventStoreTables(prefix + "events", prefix + "snapshots");
    }

    /** Projection tables no other test uses. */
    public static ProjectionTables uniqueProjectionTables() {
        String prefix = uniquePrefix();
        return new ProjectionTables(prefix + "incident-state", prefix + "incident-context");
    }

    /** A table-name prefix no other test uses. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}

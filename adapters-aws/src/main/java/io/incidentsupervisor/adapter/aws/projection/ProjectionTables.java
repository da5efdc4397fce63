package io.incidentsupervisor.adapter.aws.projection;

import io.incidentsupervisor.adapter.aws.DynamoDbTables;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.KeyAttribute;
import io.incidentsupervisor.adapter.aws.DynamoDbTables.SecondaryIndex;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The projection tables, their keys, indexes and TTL: {@code incident-state} keyed by incident id, with a sparse index of
 * open incidents by the instant they turn stale, one of incidents whose change evidence is pending, and one of every
 * incident by when its function failed (for listing, newest first), one of incidents whose verdict blames a change,
 * by the change's CloudTrail event id (for root-cause groups), and
 * {@code incident-context} keyed by incident id with a TTL attribute.
 */
public record ProjectionTables(String states, String contexts) {

    static final String INCIDENT_ID = "incidentId";
    static final String OPEN_INDEX = "open-by-stale-at";
    static final String OPEN_BUCKET = "openBucket";
    static final String STALE_AT = "staleAt";
    static final String PENDING_INDEX = "evidence-pending";
    static final String PENDING_BUCKET = "pendingBucket";
    static final String PENDING_UNTIL = "pendingUntil";
    static final String RECENT_INDEX = "recent";
    static final String RECENT_BUCKET = "recentBucket";
    static final String FAILED_AT = "failedAt";
    static final String CAUSE_INDEX = "by-cause";
    static final String CAUSE_BUCKET = "causeBucket";
    /** The blamed change's CloudTrail event id, then the incident's id: an index of incidents grouped by their cause. */
    static final String CAUSE_KEY = "causeKey";
    /** The one value of {@link #RECENT_BUCKET}: every incident is in the listing. */
    static final String RECENT_ALL = "ALL";

    static final String LAMBDA_NAME = "lambdaName";
    /** The last event a row applied: a row is replaced only by one that applied a later one. */
    static final String LAST_SEQUENCE = "lastSequence";
    /** The incident-context table's time-to-live attribute (epoch seconds). */
    public static final String TTL = "ttl";

    public ProjectionTables {
        Objects.requireNonNull(states, "states");
        Objects.requireNonNull(contexts, "contexts");
    }

    /** The names the stack creates and the service reads unless configured otherwise. */
    public static final ProjectionTables DEFAULT = new ProjectionTables("incident-state", "incident-context");

    /**
     * Creates whichever table is missing, replaces one whose keys or indexes are not the code's (a local database from
     * an earlier version: projections are rebuilt from the events), waits until they exist, and switches TTL on for the
     * contexts. Returns whether a table was replaced, so the caller rebuilds the projections.
     */
    public boolean createIfMissing(DynamoDbClient dynamoDb) {
        boolean replaced = false;
        for (CreateTableRequest table : definitions()) {
            DynamoDbTables.createIfMissing(dynamoDb, table);
            replaced |= DynamoDbTables.recreateIfDifferent(dynamoDb, table);
        }
        DynamoDbTables.enableTtl(dynamoDb, contexts, TTL);
        return replaced;
    }

    /** Both tables as CreateTable requests: what local runs create and what the deployment stack declares (plus TTL on {@link #TTL}). */
    public List<CreateTableRequest> definitions() {
        return List.of(
                DynamoDbTables.table(
                        states,
                        KeyAttribute.string(INCIDENT_ID),
                        null,
                        new SecondaryIndex(
                                OPEN_INDEX,
                                KeyAttribute.string(OPEN_BUCKET),
                                KeyAttribute.number(STALE_AT),
                                ProjectionType.KEYS_ONLY),
                        new SecondaryIndex(
                                PENDING_INDEX,
                                KeyAttribute.string(PENDING_BUCKET),
                                KeyAttribute.number(PENDING_UNTIL),
                                ProjectionType.KEYS_ONLY),
                        new SecondaryIndex(
                                RECENT_INDEX,
                                KeyAttribute.string(RECENT_BUCKET),
                                KeyAttribute.number(FAILED_AT),
                                ProjectionType.ALL),
                        new SecondaryIndex(
                                CAUSE_INDEX,
                                KeyAttribute.string(CAUSE_BUCKET),
                                KeyAttribute.string(CAUSE_KEY),
                                ProjectionType.ALL)),
                DynamoDbTables.table(contexts, KeyAttribute.string(INCIDENT_ID), null));
    }

    /** Drops both tables, for a rebuild from the event stream. */
    public void drop(DynamoDbClient dynamoDb) {
        dynamoDb.deleteTable(b -> b.tableName(states));
        dynamoDb.deleteTable(b -> b.tableName(contexts));
        dynamoDb.waiter().waitUntilTableNotExists(b -> b.tableName(states));
        dynamoDb.waiter().waitUntilTableNotExists(b -> b.tableName(contexts));
    }
}

package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.episode.DynamoDbEpisodes;
import io.incidentsupervisor.adapter.aws.eventstore.DynamoDbEventStorageEngine;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.intake.DynamoDbRejectedAlerts;
import io.incidentsupervisor.adapter.aws.projection.DynamoDbProjectionStores;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.adapter.aws.tokens.O200kTokenCounter;
import io.incidentsupervisor.adapter.mcp.IncidentTools;
import io.incidentsupervisor.adapter.mcp.McpEndpoint;
import io.incidentsupervisor.application.context.AgentReads;
import io.incidentsupervisor.application.context.ContextFitter;
import io.incidentsupervisor.application.intake.RejectedAlertIntake;
import io.incidentsupervisor.application.investigation.AuditHistory;
import io.incidentsupervisor.application.lifecycle.LifecycleEvents;
import io.incidentsupervisor.application.port.in.ListIncidents;
import io.incidentsupervisor.application.port.in.ListLifecycleEvents;
import io.incidentsupervisor.application.port.in.ListRejectedAlerts;
import io.incidentsupervisor.application.port.in.ListRootCauses;
import io.incidentsupervisor.application.port.in.ListStaleIncidents;
import io.incidentsupervisor.application.port.in.ReadIncidentContext;
import io.incidentsupervisor.application.port.in.ReadIncidentForAgent;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.application.port.in.ReadIncidentState;
import io.incidentsupervisor.application.port.in.RebuildProjections;
import io.incidentsupervisor.application.port.in.RecordRejectedAlert;
import io.incidentsupervisor.application.port.out.Episodes;
import io.incidentsupervisor.application.port.out.IncidentStates;
import io.incidentsupervisor.application.port.out.TokenCounter;
import io.incidentsupervisor.application.projection.IncidentQueries;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.application.projection.RootCauseGroups;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stored side of the service wired by hand, without Axon's command side, the collectors or any AWS API but
 * DynamoDB: what the reads, the rebuild and the rejected-alert intake need, and what {@link IncidentSupervisor} builds on.
 */
public final class Stores {

    /** This build's version, as the CLI and the MCP server give it. */
    public static final String VERSION = "0.1.0";

    private final DynamoDbClient dynamoDb;
    private final Settings settings;
    private final DynamoDbEventStorageEngine events;
    private final DynamoDbProjectionStores states;
    private final Projections projections;
    private final IncidentQueries queries;
    private final AuditHistory history;
    private final RejectedAlertIntake rejected;
    private final DynamoDbRejectedAlerts rejectedTable;
    private final AgentReads agentReads;
    private final RootCauseGroups rootCauses;
    private final DynamoDbEpisodes episodes;
    private final ContextFitter fitter;
    private final LifecycleEvents lifecycleEvents;
    /** One vocabulary per process: {@link O200kTokenCounter} says what reading it costs. */
    private final TokenCounter tokenCounter = new O200kTokenCounter();

    public Stores(Settings settings, DynamoDbClient dynamoDb) {
        this.settings = settings;
        this.dynamoDb = dynamoDb;
        this.events = eventStorage(settings, dynamoDb);
        this.states = new DynamoDbProjectionStores(dynamoDb, projectionTables());
        this.fitter = new ContextFitter(tokenCounter, ContextCollectors.TRIM_ORDER, settings.tokenBudget());
        this.projections = new Projections(events, states, states, settings.staleThreshold(), fitter);
        this.queries = new IncidentQueries(states, states);
        this.history = new AuditHistory(events);
        this.rejectedTable = new DynamoDbRejectedAlerts(
                dynamoDb, settings.rejectedTable(), settings.rejectedRetention(), Clock.systemUTC());
        this.rejected = new RejectedAlertIntake(rejectedTable);
        this.agentReads = new AgentReads(history, fitter);
        this.rootCauses = new RootCauseGroups(states);
        this.lifecycleEvents = new LifecycleEvents(history);
        this.episodes = new DynamoDbEpisodes(dynamoDb, settings.episodesTable(), Clock.systemUTC());
    }

    /**
     * Creates every table that is missing, for local runs; in AWS the stack creates them. A projection table from an
     * earlier version is replaced and the projections rebuilt from the events.
     */
    public void createTablesIfMissing() {
        eventTables().createIfMissing(dynamoDb);
        if (projectionTables().createIfMissing(dynamoDb)) {
            projections.rebuild(read -> {});
        }
        rejectedTable.createTableIfMissing();
        episodes.createTableIfMissing();
    }

    public ReadIncidentHistory history() {
        return history;
    }

    public ReadIncidentState states() {
        return queries;
    }

    public ReadIncidentContext contexts() {
        return queries;
    }

    public ReadIncidentForAgent forAgents() {
        return agentReads;
    }

    public ListIncidents incidents() {
        return queries;
    }

    public ListStaleIncidents stale() {
        return queries;
    }

    public ListLifecycleEvents lifecycleEvents() {
        return lifecycleEvents;
    }

    public ListRootCauses rootCauses() {
        return rootCauses;
    }

    public ListRejectedAlerts rejected() {
        return rejected;
    }

    public RecordRejectedAlert rejectedIntake() {
        return rejected;
    }

    /** The MCP server over the reading ports, which every transport (stdio, loopback HTTP, the function URL) serves. */
    public McpEndpoint mcp() {
        return new McpEndpoint(
                new IncidentTools(new IncidentTools.Reads(incidents(), forAgents(), history(), stale(), rootCauses())),
                VERSION);
    }

    public RebuildProjections rebuild() {
        return projections;
    }

    Settings settings() {
        return settings;
    }

    ContextFitter fitter() {
        return fitter;
    }

    TokenCounter tokenCounter() {
        return tokenCounter;
    }

    DynamoDbEventStorageEngine events() {
        return events;
    }

    IncidentStates stateTable() {
        return states;
    }

    Projections projections() {
        return projections;
    }

    Episodes episodes() {
        return episodes;
    }

    /**
     * The event store alone, for what reads histories and nothing else (the lifecycle publisher): without the
     * projections and the tokenizer's vocabulary the rest of the stores build.
     */
    static DynamoDbEventStorageEngine eventStorage(Settings settings, DynamoDbClient dynamoDb) {
        return DynamoDbEventStorageEngine.builder()
                .dynamoDb(dynamoDb)
                .tables(new EventStoreTables(settings.eventsTable(), settings.snapshotsTable()))
                .build();
    }

    private EventStoreTables eventTables() {
        return new EventStoreTables(settings.eventsTable(), settings.snapshotsTable());
    }

    private ProjectionTables projectionTables() {
        return new ProjectionTables(settings.stateTable(), settings.contextTable());
    }
}

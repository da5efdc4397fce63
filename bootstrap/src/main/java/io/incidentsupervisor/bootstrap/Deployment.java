package io.incidentsupervisor.bootstrap;

/** How the service is deployed, named once: the infrastructure stack creates these, and {@code supervisor verify} checks them. */
public final class Deployment {

    public static final String FUNCTION = "incident-supervisor";
    public static final String RECOVERY_FUNCTION = "incident-supervisor-recovery";
    /** The read-only MCP endpoint behind a function URL with {@code AWS_IAM} auth. */
    public static final String MCP_FUNCTION = "incident-supervisor-mcp";
    /** Publishes lifecycle events from the event table's stream. */
    public static final String EVENTS_FUNCTION = "incident-supervisor-events";

    public static final String RUNTIME = "java21";
    /** Every function's published version that every trigger invokes: SnapStart restores published versions only. */
    public static final String ALIAS = "live";

    public static final String HANDLER = LambdaEntry.class.getName() + "::handleRequest";
    /** The supervisor function's handler when alerts reach it through a queue. */
    public static final String SQS_HANDLER = SqsLambdaEntry.class.getName() + "::handleRequest";

    public static final String RECOVERY_HANDLER = StaleRecoveryEntry.class.getName() + "::handleRequest";

    public static final String MCP_HANDLER = McpLambdaEntry.class.getName() + "::handleRequest";

    public static final String EVENTS_HANDLER = EventStreamEntry.class.getName() + "::handleRequest";

    private Deployment() {}
}

package io.incidentsupervisor.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.logs.LogGroup;

/** The role's statements: exactly the operations the code performs, on exactly its resources. */
final class CodePermissions {

    private CodePermissions() {}

    /** Each statement names the code that needs it; nothing is granted on "*" but what AWS cannot scope (X-Ray, added by CDK for tracing). */
    static void grant(Stack stack, Map<String, Table> tables, Role role, StackConfig config, List<LogGroup> ownLogs) {
        // The functions' own log output.
        role.addToPolicy(allow(
                List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                ownLogs.stream().map(LogGroup::getLogGroupArn).toList()));
        // Event store: appends (one transaction: the events and the sequence counter), the counter's one read per
        // process, loading an aggregate, the global stream (projection rebuilds). Snapshots are off, so the snapshots
        // table is never read or written: it gets no grant.
        role.addToPolicy(allow(
                List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:GetItem", "dynamodb:Query"),
                List.of(table(tables, "EventsTable").getTableArn())));
        role.addToPolicy(allow(List.of("dynamodb:Query"), List.of(index(tables, "EventsTable", "global-order"))));
        // Projections: conditional puts (never reads: only operators read them, with their own credentials), the stale
        // query.
        role.addToPolicy(allow(
                List.of("dynamodb:PutItem"),
                List.of(
                        table(tables, "IncidentStateTable").getTableArn(),
                        table(tables, "IncidentContextTable").getTableArn())));
        role.addToPolicy(allow(
                List.of("dynamodb:Query"),
                List.of(
                        index(tables, "IncidentStateTable", "open-by-stale-at"),
                        index(tables, "IncidentStateTable", "evidence-pending"))));
        // Episodes: a later alert moves its episode on (a conditional update), a new one is claimed (a conditional
        // put),
        // a final verdict is noted (a conditional update); the item is read only as a failed condition returns it.
        role.addToPolicy(allow(
                List.of("dynamodb:PutItem", "dynamodb:UpdateItem"),
                List.of(table(tables, "EpisodesTable").getTableArn())));
        // Rejected alerts: kept, never read by the functions.
        role.addToPolicy(allow(
                List.of("dynamodb:PutItem"),
                List.of(table(tables, "RejectedAlertsTable").getTableArn())));

        List<String> functionArns = new ArrayList<>();
        List<String> logGroupArns = new ArrayList<>();
        for (String name : config.supervisedFunctions()) {
            functionArns.add(stack.formatArn(ArnComponents.builder()
                    .service("lambda")
                    .resource("function")
                    .resourceName(name)
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                    .build()));
            logGroupArns.add(stack.formatArn(ArnComponents.builder()
                    .service("logs")
                    .resource("log-group")
                    .resourceName("/aws/lambda/" + name + ":*")
                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                    .build()));
        }
        // lambda-configuration and iam-role collectors.
        role.addToPolicy(allow(
                List.of("lambda:GetFunctionConfiguration", "lambda:GetFunctionConcurrency", "lambda:GetFunction"),
                functionArns));
        // iam-role collector and the diagnosis: the role, its policies, the simulator on the role's own policies.
        role.addToPolicy(allow(
                List.of(
                        "iam:ListAttachedRolePolicies",
                        "iam:ListRolePolicies",
                        "iam:GetRolePolicy",
                        "iam:GetRole",
                        "iam:SimulatePrincipalPolicy"),
                config.supervisedRoleArns()));
        // The diagnosis reads the documents of managed policies attached to (or detached from) the roles: AWS's and the
        // account's own; which ones cannot be known when deploying.
        role.addToPolicy(allow(
                List.of("iam:GetPolicy", "iam:GetPolicyVersion"),
                List.of(
                        "arn:aws:iam::aws:policy/*",
                        stack.formatArn(ArnComponents.builder()
                                .service("iam")
                                .region("")
                                .resource("policy")
                                .resourceName("*")
                                .build()))));
        // The diagnosis names the other roles a changed customer-managed policy is attached to: they are at risk.
        role.addToPolicy(allow(
                List.of("iam:ListEntitiesForPolicy"),
                List.of(stack.formatArn(ArnComponents.builder()
                        .service("iam")
                        .region("")
                        .resource("policy")
                        .resourceName("*")
                        .build()))));
        // The diagnosis reads the policy a denied bucket or function holds now; which ones cannot be known when
        // deploying.
        role.addToPolicy(allow(List.of("s3:GetBucketPolicy"), List.of("arn:aws:s3:::*")));
        role.addToPolicy(allow(
                List.of("lambda:GetPolicy"),
                List.of(stack.formatArn(ArnComponents.builder()
                        .service("lambda")
                        .resource("function")
                        .resourceName("*")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                        .build()))));
        // The diagnosis reads who changed a role, its managed policies, the function and the denied resource's policy
        // (in us-east-1 and the functions' Region). LookupEvents has no resource-level permissions: "*" is the only
        // resource IAM accepts for it.
        role.addToPolicy(allow(List.of("cloudtrail:LookupEvents"), List.of("*")));
        // cloudwatch-logs collector. DescribeLogGroups lists by name prefix and is authorised against the account's log
        // groups,
        // not one group, so it is scoped to this account and region's log-group ARNs.
        role.addToPolicy(allow(List.of("logs:FilterLogEvents"), logGroupArns));
        role.addToPolicy(allow(
                List.of("logs:DescribeLogGroups"),
                List.of(stack.formatArn(ArnComponents.builder()
                        .service("logs")
                        .resource("log-group")
                        .resourceName("*")
                        .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                        .build()))));
    }

    /**
     * The MCP endpoint's role: what its tools read, nothing written. An incident's history and evidence are queried from
     * the event store; lists, groups and the stale list from the state table's indexes.
     */
    static void grantReads(Map<String, Table> tables, Role role, LogGroup ownLogs) {
        role.addToPolicy(
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(ownLogs.getLogGroupArn())));
        role.addToPolicy(allow(
                List.of("dynamodb:Query"), List.of(table(tables, "EventsTable").getTableArn())));
        role.addToPolicy(allow(
                List.of("dynamodb:Query"),
                List.of(
                        index(tables, "IncidentStateTable", "recent"),
                        index(tables, "IncidentStateTable", "open-by-stale-at"),
                        index(tables, "IncidentStateTable", "by-cause"))));
    }

    /**
     * The lifecycle publisher's role: each incident's history read from the event table, events put on the one bus.
     * Reading the stream is the Lambda service's, granted by CDK with the event source.
     */
    static void grantPublishing(Map<String, Table> tables, Role role, LogGroup ownLogs, List<String> bus) {
        role.addToPolicy(
                allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of(ownLogs.getLogGroupArn())));
        role.addToPolicy(allow(
                List.of("dynamodb:Query"), List.of(table(tables, "EventsTable").getTableArn())));
        role.addToPolicy(allow(List.of("events:PutEvents"), bus));
    }

    private static PolicyStatement allow(List<String> actions, List<String> resources) {
        return PolicyStatement.Builder.create()
                .actions(actions)
                .resources(resources)
                .build();
    }

    private static Table table(Map<String, Table> tables, String id) {
        return tables.get(id);
    }

    private static String index(Map<String, Table> tables, String tableId, String index) {
        return tables.get(tableId).getTableArn() + "/index/" + index;
    }
}

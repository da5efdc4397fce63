package io.incidentsupervisor.infrastructure;

import io.incidentsupervisor.bootstrap.Deployment;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.CfnPermission;
import software.amazon.awscdk.services.lambda.FunctionUrl;
import software.amazon.awscdk.services.lambda.FunctionUrlAuthType;
import software.amazon.awscdk.services.lambda.FunctionUrlOptions;
import software.amazon.awscdk.services.lambda.InvokeMode;

/**
 * The read-only MCP endpoint: its own function and role (reads of the tables only), SnapStart like the others, behind a
 * function URL with {@code AWS_IAM} auth on its live alias, invocable by the principals the operator names
 * ({@code -c mcpPrincipals=...}, e.g. the role AWS DevOps Agent assumes) and by nobody else.
 */
final class McpFunctionUrl {

    /** MCP answers are single reads bounded by the tools' budgets; 30 s leaves room for a cold read of a long history. */
    static final Duration TIMEOUT = Duration.seconds(30);

    private McpFunctionUrl() {}

    static FunctionUrl add(
            Stack stack, Map<String, Table> tables, StackConfig config, Map<String, String> tableEnvironment) {
        Role role = Role.Builder.create(stack, "McpRole")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("incident-supervisor MCP endpoint: reads of the incident tables, nothing else")
                .build();
        StackFunction mcp = StackFunction.declare(
                stack,
                "Mcp",
                Deployment.MCP_FUNCTION,
                Deployment.MCP_HANDLER,
                role,
                TIMEOUT,
                tableEnvironment,
                config,
                b -> {});
        Alias live = mcp.live();
        FunctionUrl url = live.addFunctionUrl(FunctionUrlOptions.builder()
                .authType(FunctionUrlAuthType.AWS_IAM)
                .invokeMode(InvokeMode.BUFFERED)
                .build());
        List<String> principals = config.mcpPrincipals();
        for (int i = 0; i < principals.size(); i++) {
            // Both are needed to call a function URL: the URL permission, and invoking the function through the URL.
            CfnPermission.Builder.create(stack, "McpInvokeUrl" + i)
                    .action("lambda:InvokeFunctionUrl")
                    .functionName(live.getFunctionArn())
                    .principal(principals.get(i))
                    .functionUrlAuthType("AWS_IAM")
                    .build();
            CfnPermission.Builder.create(stack, "McpInvokeFunction" + i)
                    .action("lambda:InvokeFunction")
                    .functionName(live.getFunctionArn())
                    .principal(principals.get(i))
                    .invokedViaFunctionUrl(true)
                    .build();
        }
        CodePermissions.grantReads(tables, role, mcp.logs());
        CfnOutput.Builder.create(stack, "McpUrl")
                .description("The MCP endpoint (Streamable HTTP, SigV4 for service lambda): POST <url>mcp")
                .value(url.getUrl())
                .build();
        return url;
    }
}

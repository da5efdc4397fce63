package io.incidentsupervisor.infrastructure;

import io.incidentsupervisor.bootstrap.Deployment;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;

/**
 * The one way the stack declares a function: the Lambda jar on {@code java21} with the measured memory, X-Ray, a log
 * group of its own kept a week, SnapStart, and its current version under the alias {@link Deployment#ALIAS}, which
 * every trigger invokes ({@code $LATEST} never is). Construct ids are {@code <id>Function}, {@code <id>Logs} and
 * {@code <id>Live}.
 */
record StackFunction(Function function, Alias live, LogGroup logs) {

    static StackFunction declare(
            Stack stack,
            String id,
            String name,
            String handler,
            IRole role,
            Duration timeout,
            Map<String, String> environment,
            StackConfig config,
            Consumer<Function.Builder> extra) {
        LogGroup logs = LogGroup.Builder.create(stack, id + "Logs")
                .logGroupName("/aws/lambda/" + name)
                .retention(RetentionDays.ONE_WEEK)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Function.Builder builder = Function.Builder.create(stack, id + "Function")
                .functionName(name)
                .runtime(Runtime.JAVA_21)
                .handler(handler)
                .code(Code.fromAsset(config.lambdaJar()))
                .memorySize(SupervisorStack.MEMORY_MB)
                .timeout(timeout)
                .tracing(Tracing.ACTIVE)
                .role(role)
                .logGroup(logs)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .environment(environment);
        extra.accept(builder);
        Function function = builder.build();
        Alias live = Alias.Builder.create(stack, id + "Live")
                .aliasName(Deployment.ALIAS)
                .version(function.getCurrentVersion())
                .build();
        return new StackFunction(function, live, logs);
    }
}

package io.incidentsupervisor.adapter.aws.collector;

import io.incidentsupervisor.adapter.aws.AwsFailure;
import io.incidentsupervisor.application.port.out.ContextCollector;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;

/**
 * The failing function's configuration from {@code GetFunctionConfiguration} and {@code GetFunctionConcurrency}.
 * Environment variables are reduced to their sorted keys here: no value ever leaves this class.
 */
public final class LambdaConfigurationCollector implements ContextCollector {

    public static final String NAME = "lambda-configuration";

    private final LambdaClient lambda;

    public LambdaConfigurationCollector(LambdaClient lambda) {
        this.lambda = Objects.requireNonNull(lambda, "lambda");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorResult collect(IncidentAlert alert) {
        GetFunctionConfigurationResponse configuration;
        try {
            configuration = lambda.getFunctionConfiguration(b -> b.functionName(alert.lambdaName()));
        } catch (SdkException e) {
            return CollectorResult.failed(NAME, AwsFailure.of(e).toCollectorError());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("FunctionName", configuration.functionName());
        data.put("Runtime", configuration.runtimeAsString());
        data.put("Handler", configuration.handler());
        data.put("Role", configuration.role());
        data.put("MemorySize", configuration.memorySize());
        data.put("Timeout", configuration.timeout());
        data.put("LastModified", configuration.lastModified());
        data.put("State", configuration.stateAsString());
        List<String> environmentKeys = new ArrayList<>();
        if (configuration.environment() != null && configuration.environment().hasVariables()) {
            environmentKeys.addAll(configuration.environment().variables().keySet());
            environmentKeys.sort(null);
        }
        data.put("EnvironmentKeys", environmentKeys);
        data.put("ReservedConcurrentExecutions", reservedConcurrency(alert.lambdaName()));
        data.values().removeIf(Objects::isNull);
        return CollectorResult.gathered(NAME, data);
    }

    /** A number, "unreserved", or why it could not be read: the configuration is worth keeping either way. */
    private Object reservedConcurrency(String functionName) {
        try {
            Integer reserved = lambda.getFunctionConcurrency(b -> b.functionName(functionName))
                    .reservedConcurrentExecutions();
            return reserved == null ? "unreserved" : reserved;
        } catch (SdkException e) {
            return "unknown: " + AwsFailure.of(e).toCollectorError().code();
        }
    }
}

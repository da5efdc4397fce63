package io.incidentsupervisor.infrastructure;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS operation any SDK client in this JVM performs: registered for all clients through the SDK's global
 * interceptor file ({@code software/amazon/awssdk/global/handlers/execution.interceptors}), so the production wiring is
 * recorded as it is, without a hook of its own.
 */
public final class AwsCallRecorder implements ExecutionInterceptor {

    /** One operation: the SDK's service name (DynamoDB, Lambda, Iam, CloudWatchLogs), the operation, and the request. */
    record AwsCall(String service, String operation, SdkRequest request) {}

    private static final List<AwsCall> CALLS = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        synchronized (CALLS) {
            CALLS.add(new AwsCall(
                    attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    context.request()));
        }
    }

    static List<AwsCall> drain() {
        synchronized (CALLS) {
            List<AwsCall> calls = new ArrayList<>(CALLS);
            CALLS.clear();
            return calls;
        }
    }
}

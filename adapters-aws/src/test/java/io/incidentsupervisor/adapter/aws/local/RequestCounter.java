package io.incidentsupervisor.adapter.aws.local;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;

/** Counts the HTTP requests an SDK client sends, per operation, retries included. */
public final class RequestCounter implements ExecutionInterceptor {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder commits = new LongAdder();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        counts.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), k -> new LongAdder())
                .increment();
        if (context.request() instanceof TransactWriteItemsRequest transaction
                && !transaction.transactItems().isEmpty()
                && transaction.transactItems().get(0).update() != null
                && transaction.transactItems().get(0).update().key().containsKey("aggregateId")
                && "global-sequence"
                        .equals(transaction
                                .transactItems()
                                .get(0)
                                .update()
                                .key()
                                .get("aggregateId")
                                .s())) {
            commits.increment();
        }
    }

    /** The event-store commits sent: transactions that move the global-sequence counter. */
    public long commits() {
        return commits.sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long count(String operation) {
        LongAdder adder = counts.get(operation);
        return adder == null ? 0 : adder.sum();
    }

    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((operation, adder) -> copy.put(operation, adder.sum()));
        return copy;
    }

    public void reset() {
        counts.clear();
        commits.reset();
    }
}

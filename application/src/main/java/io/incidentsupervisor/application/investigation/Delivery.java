package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.application.AxonRuntime;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** Where an alert came from and how long its handler may run: the SNS message id, the invocation's request id, its deadline. */
public record Delivery(String messageId, String requestId, Instant deadline) {

    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** The metadata every event recorded for this delivery carries. */
    Map<String, String> metadata() {
        return Map.of(AxonRuntime.DELIVERY_METADATA.get(0), messageId, AxonRuntime.DELIVERY_METADATA.get(1), requestId);
    }
}

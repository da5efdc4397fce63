package io.incidentsupervisor.application.port.in;

import java.time.Instant;
import java.util.Objects;

/** Where an alert came from and how long its handler may run: the SNS message id, the invocation's request id, its deadline. */
public record Delivery(String messageId, String requestId, Instant deadline) {

    public Delivery {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(deadline, "deadline");
    }
}

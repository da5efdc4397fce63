package io.incidentsupervisor.adapter.lambda;

import io.incidentsupervisor.application.port.in.Outcome;

/** What the alert handlers count; published once per invocation. */
public interface AlertMetrics {

    void received();

    void rejected();

    void failed();

    /** Counts a duplicate, or the collector latencies and the context's tokens of an investigated incident. */
    void handled(Outcome outcome);

    /** The number of messages in an SQS batch. */
    void batch(int size);

    void publish();

    /** For runs outside Lambda (the CLI), where there is no CloudWatch Logs to read metrics from the output. */
    AlertMetrics NONE = new AlertMetrics() {
        @Override
        public void received() {}

        @Override
        public void rejected() {}

        @Override
        public void failed() {}

        @Override
        public void handled(Outcome outcome) {}

        @Override
        public void batch(int size) {}

        @Override
        public void publish() {}
    };
}

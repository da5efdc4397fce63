package io.incidentsupervisor.adapter.lambda;

import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.Outcome.Duplicate;
import io.incidentsupervisor.application.port.in.Outcome.Investigated;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import software.amazon.cloudwatchlogs.emf.config.EnvironmentConfigurationProvider;
import software.amazon.cloudwatchlogs.emf.environment.Environments;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsBuilder;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * The handler's metrics in CloudWatch Embedded Metric Format, written by Powertools for AWS Lambda to standard output,
 * where Lambda sends them to CloudWatch Logs and CloudWatch extracts the metrics.
 */
public final class EmfAlertMetrics implements AlertMetrics {

    public static final String NAMESPACE = "IncidentSupervisor";
    public static final String SERVICE = "incident-supervisor";

    private final Metrics metrics;
    private final Clock clock;

    public EmfAlertMetrics(Clock clock) {
        this.clock = clock;
        // Standard output, as in Lambda, wherever this runs: without it the EMF library probes for a CloudWatch agent.
        EnvironmentConfigurationProvider.getConfig().setEnvironmentOverride(Environments.Lambda);
        this.metrics = MetricsBuilder.builder()
                .withNamespace(NAMESPACE)
                .withService(SERVICE)
                .withRaiseOnEmptyMetrics(false)
                .build();
    }

    @Override
    public void received() {
        metrics.addMetric("AlertsReceived", 1, MetricUnit.COUNT);
    }

    @Override
    public void rejected() {
        metrics.addMetric("AlertsRejected", 1, MetricUnit.COUNT);
    }

    @Override
    public void failed() {
        metrics.addMetric("InvestigationsFailed", 1, MetricUnit.COUNT);
    }

    @Override
    public void handled(Outcome outcome) {
        if (outcome instanceof Duplicate) {
            metrics.addMetric("AlertsDuplicate", 1, MetricUnit.COUNT);
        } else if (outcome instanceof Investigated investigated) {
            metrics.addMetric("ContextTokens", investigated.context().tokenCount(), MetricUnit.COUNT);
            for (Map.Entry<String, Duration> latency :
                    investigated.collectorLatency().entrySet()) {
                metrics.flushSingleMetric(
                        "CollectorLatency",
                        (double) latency.getValue().toMillis(),
                        MetricUnit.MILLISECONDS,
                        NAMESPACE,
                        DimensionSet.of("Service", SERVICE, "Collector", latency.getKey()));
            }
        }
    }

    @Override
    public void batch(int size) {
        metrics.addMetric("BatchSize", size, MetricUnit.COUNT);
    }

    @Override
    public void publish() {
        // Stamped as they are written: the library stamps a batch when it starts one, at the previous flush (or, for
        // the
        // first, when this object was built), which in a warm or a SnapStart-restored environment can be hours earlier.
        metrics.setTimestamp(clock.instant());
        metrics.flush();
    }
}

package io.incidentsupervisor.application.context;

import io.incidentsupervisor.domain.model.CollectorError;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.TokenBudget;
import io.incidentsupervisor.domain.port.CollectorRegistry;
import io.incidentsupervisor.domain.port.ContextCollector;
import io.incidentsupervisor.domain.port.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the collectors registered for an alert's type one after another, turns each failure into that collector's
 * result, stops starting collectors when the deadline is too near, and fits what was gathered to the token budget.
 */
public final class ContextGatherer {

    private static final Logger LOG = LoggerFactory.getLogger(ContextGatherer.class);

    /** Told as each collector finishes; the investigation uses it as its heartbeat. */
    @FunctionalInterface
    public interface Progress {
        void collectorFinished(String collector, boolean succeeded, Duration took);

        Progress NONE = (collector, succeeded, took) -> { };
    }

    private final CollectorRegistry registry;
    private final TokenBudget budget;
    private final TokenCounter counter;
    private final Clock clock;
    private final Duration timeNeededPerCollector;
    private final Map<String, Integer> trimOrder = new HashMap<>();

    public ContextGatherer(CollectorRegistry registry, TokenBudget budget, TokenCounter counter, Clock clock, Duration timeNeededPerCollector) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeNeededPerCollector = Objects.requireNonNull(timeNeededPerCollector, "timeNeededPerCollector");
        registry.all().forEach(collector -> trimOrder.put(collector.name(), collector.trimOrder()));
    }

    public EnrichedContext gather(IncidentAlert alert, Instant deadline, Progress progress) {
        List<CollectorResult> results = new ArrayList<>();
        for (ContextCollector collector : registry.collectorsFor(alert.errorType())) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(timeNeededPerCollector) < 0) {
                results.add(CollectorResult.failed(collector.name(), new CollectorError("Skipped", "",
                        "not started: " + left.toMillis() + " ms were left before the deadline; a collector is given " + timeNeededPerCollector.toMillis()
                                + " ms")));
                continue;
            }
            Instant started = clock.instant();
            CollectorResult result = collectSafely(collector, alert);
            results.add(result);
            progress.collectorFinished(collector.name(), result.succeeded(), Duration.between(started, clock.instant()));
        }
        TokenBudget.Fitted fitted = budget.fit(alert, results, source -> trimOrder.getOrDefault(source, Integer.MAX_VALUE), counter.tokenizer(),
                (a, r) -> counter.count(AgentView.render(a, r)));
        return new EnrichedContext(fitted.alert(), fitted.results(), clock.instant(), fitted.tokens(), fitted.report());
    }

    private static CollectorResult collectSafely(ContextCollector collector, IncidentAlert alert) {
        try {
            return collector.collect(alert);
        } catch (RuntimeException e) {
            // A collector should report provider failures as results; anything thrown is a bug in it, and must not stop the others.
            LOG.warn("Collector {} failed unexpectedly for {}", collector.name(), alert.incidentId(), e);
            return CollectorResult.failed(collector.name(), new CollectorError("Unexpected", e.getClass().getSimpleName(), e.getMessage()));
        }
    }
}

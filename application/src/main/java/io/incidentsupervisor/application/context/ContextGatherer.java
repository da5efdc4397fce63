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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the collectors registered for an alert's type one after another, turns each failure into that collector's
 * result, and fits what was gathered to the token budget.
 *
 * <p>Time is shared out so that gathering always ends before the deadline less a reserve for recording the result:
 * each collector may take its fair share of what is left ({@code left / collectors still to run}) and is cut off at its
 * end, recorded as a {@code Timeout}; one whose share is below the minimum is not started ({@code Skipped}). A cut-off
 * collector's thread is interrupted and left to the SDK's own call timeouts; its late answer is ignored.
 */
public final class ContextGatherer {

    private static final Logger LOG = LoggerFactory.getLogger(ContextGatherer.class);

    /** Told as each collector finishes; the investigation uses it as its heartbeat. */
    @FunctionalInterface
    public interface Progress {
        void collectorFinished(String collector, boolean succeeded, Duration took);

        Progress NONE = (collector, succeeded, took) -> {};
    }

    private final CollectorRegistry registry;
    private final TokenBudget budget;
    private final TokenCounter counter;
    private final Clock clock;
    private final Duration minimumPerCollector;
    private final Duration recordingReserve;
    private final Map<String, Integer> trimOrder = new HashMap<>();
    private final ExecutorService collectors = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "collector");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param minimumPerCollector a collector whose share of the time left is shorter is not started
     * @param recordingReserve the time before the deadline kept for recording what was gathered
     */
    public ContextGatherer(
            CollectorRegistry registry,
            TokenBudget budget,
            TokenCounter counter,
            Clock clock,
            Duration minimumPerCollector,
            Duration recordingReserve) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minimumPerCollector = Objects.requireNonNull(minimumPerCollector, "minimumPerCollector");
        this.recordingReserve = Objects.requireNonNull(recordingReserve, "recordingReserve");
        registry.all().forEach(collector -> trimOrder.put(collector.name(), collector.trimOrder()));
    }

    public EnrichedContext gather(IncidentAlert alert, Instant deadline, Progress progress) {
        List<CollectorResult> results = new ArrayList<>();
        List<ContextCollector> toRun = registry.collectorsFor(alert.errorType());
        Instant gatheringEnds = deadline.minus(recordingReserve);
        for (int i = 0; i < toRun.size(); i++) {
            ContextCollector collector = toRun.get(i);
            Duration share = Duration.between(clock.instant(), gatheringEnds).dividedBy(toRun.size() - i);
            if (share.compareTo(minimumPerCollector) < 0) {
                results.add(CollectorResult.failed(
                        collector.name(),
                        new CollectorError(
                                "Skipped",
                                "",
                                "not started: its share of the time left before" + " the deadline was "
                                        + Math.max(0, share.toMillis()) + " ms; a collector is given at least "
                                        + minimumPerCollector.toMillis() + " ms")));
                continue;
            }
            Instant started = clock.instant();
            CollectorResult result = collectWithin(collector, alert, share);
            results.add(result);
            progress.collectorFinished(
                    collector.name(), result.succeeded(), Duration.between(started, clock.instant()));
        }
        TokenBudget.Fitted fitted = budget.fit(
                alert,
                results,
                source -> trimOrder.getOrDefault(source, Integer.MAX_VALUE),
                counter.tokenizer(),
                (a, r) -> counter.count(AgentView.render(a, r)));
        return new EnrichedContext(fitted.alert(), fitted.results(), clock.instant(), fitted.tokens(), fitted.report());
    }

    private CollectorResult collectWithin(ContextCollector collector, IncidentAlert alert, Duration share) {
        Future<CollectorResult> running = collectors.submit(() -> collector.collect(alert));
        try {
            return running.get(share.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return CollectorResult.failed(
                    collector.name(),
                    new CollectorError(
                            "Timeout",
                            "CollectorTimeout",
                            "cut off after " + share.toMillis()
                                    + " ms, its share of the time left before the invocation's deadline"));
        } catch (ExecutionException e) {
            // A collector should report provider failures as results; anything thrown is a bug in it, and must not stop
            // the others.
            Throwable cause = e.getCause();
            LOG.warn("Collector {} failed unexpectedly for {}", collector.name(), alert.incidentId(), cause);
            return CollectorResult.failed(
                    collector.name(),
                    new CollectorError("Unexpected", cause.getClass().getSimpleName(), cause.getMessage()));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while collector " + collector.name() + " ran", e);
        }
    }
}

package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.TimeBoxed;
import io.incidentsupervisor.application.port.out.ContextCollector;
import io.incidentsupervisor.application.port.out.TokenCounter;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.CollectorError;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the collectors registered for an alert's type, all at once, turns each failure into that collector's result, and
 * gives what was gathered whole, measured. The caller takes their ends one per step, in the registry's order, so it can
 * record each one as it is known.
 *
 * <p>Gathering always ends before the deadline less a reserve for recording the result: a collector still running then
 * is cut off, recorded as a {@code Timeout}; when less than the minimum is left at the start, no collector is started
 * and each is recorded as {@code Skipped}. A cut-off collector's thread is interrupted and left to the SDK's own call
 * timeouts; its late answer is ignored. Running them together, the slowest sets the time gathering takes, not the sum.
 */
public final class ContextGatherer {

    private static final Logger LOG = LoggerFactory.getLogger(ContextGatherer.class);

    /** One collector's run: whether it gathered its context, and the time from the start of gathering to its end. */
    public record Step(String collector, boolean succeeded, Duration took) {}

    private final CollectorRegistry registry;
    private final TokenCounter counter;
    private final Clock clock;
    private final Duration minimumPerCollector;
    private final Duration recordingReserve;
    private final TimeBoxed collectors = new TimeBoxed("collector");

    /**
     * @param minimumPerCollector with less time than this left when gathering starts, no collector is started
     * @param recordingReserve the time before the deadline kept for recording what was gathered
     */
    public ContextGatherer(
            CollectorRegistry registry,
            TokenCounter counter,
            Clock clock,
            Duration minimumPerCollector,
            Duration recordingReserve) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.counter = Objects.requireNonNull(counter, "counter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.minimumPerCollector = Objects.requireNonNull(minimumPerCollector, "minimumPerCollector");
        this.recordingReserve = Objects.requireNonNull(recordingReserve, "recordingReserve");
    }

    /** Starts gathering for an alert that must be recorded by {@code deadline}; nothing runs until the first step. */
    public Gathering start(IncidentAlert alert, Instant deadline) {
        return new Gathering(alert, registry.collectorsFor(alert.errorType()), deadline.minus(recordingReserve));
    }

    /**
     * One alert's gathering: {@link #runNext()} until {@link #hasNext()} is false, then {@link #gathered} with the
     * incident's diagnosis.
     */
    public final class Gathering {

        private final IncidentAlert alert;
        private final List<ContextCollector> toRun;
        private final Instant gatheringEnds;
        private final List<CollectorResult> results = new ArrayList<>();
        private List<TimeBoxed.Running<Timed>> running; // null until the first step; null items were not started
        private Instant startedAt;

        private Gathering(IncidentAlert alert, List<ContextCollector> toRun, Instant gatheringEnds) {
            this.alert = alert;
            this.toRun = toRun;
            this.gatheringEnds = gatheringEnds;
        }

        public boolean hasNext() {
            return results.size() < toRun.size();
        }

        /**
         * Starts every collector on the first step, then waits, at most until gathering ends, for the next one in order
         * to end; when too little time was left to start them, that collector is recorded as skipped and nothing is
         * returned.
         */
        public Optional<Step> runNext() {
            if (running == null) {
                running = startAll();
            }
            int next = results.size();
            ContextCollector collector = toRun.get(next);
            TimeBoxed.Running<Timed> call = running.get(next);
            if (call == null) {
                results.add(skipped(collector, Duration.between(startedAt, gatheringEnds)));
                return Optional.empty();
            }
            Timed ended = ended(collector, call.await(Duration.between(clock.instant(), gatheringEnds)));
            results.add(ended.result());
            return Optional.of(new Step(collector.name(), ended.result().succeeded(), ended.took()));
        }

        /** Whether the next step would not wait: its collector has ended, or was never started. */
        public boolean nextHasEnded() {
            if (running == null || !hasNext()) {
                return false;
            }
            TimeBoxed.Running<Timed> call = running.get(results.size());
            return call == null || call.hasEnded();
        }

        private List<TimeBoxed.Running<Timed>> startAll() {
            startedAt = clock.instant();
            boolean tooLate = Duration.between(startedAt, gatheringEnds).compareTo(minimumPerCollector) < 0;
            List<TimeBoxed.Running<Timed>> calls = new ArrayList<>();
            for (ContextCollector collector : toRun) {
                calls.add(
                        tooLate
                                ? null
                                : collectors.start(() -> {
                                    CollectorResult result = collector.collect(alert);
                                    return new Timed(result, Duration.between(startedAt, clock.instant()));
                                }));
            }
            return calls;
        }

        private Timed ended(ContextCollector collector, TimeBoxed.Ended<Timed> ended) {
            if (ended instanceof TimeBoxed.Done<Timed> done) {
                return done.value();
            }
            Duration took = Duration.between(startedAt, clock.instant());
            if (ended instanceof TimeBoxed.Threw<Timed> threw) {
                // A collector should report provider failures as results; anything thrown is a bug in it, and must not
                // stop the others.
                Throwable cause = threw.cause();
                LOG.warn("Collector {} failed unexpectedly for {}", collector.name(), alert.incidentId(), cause);
                return new Timed(
                        CollectorResult.failed(
                                collector.name(),
                                new CollectorError(
                                        "Unexpected", cause.getClass().getSimpleName(), cause.getMessage())),
                        took);
            }
            return new Timed(
                    CollectorResult.failed(
                            collector.name(),
                            new CollectorError(
                                    "Timeout",
                                    "CollectorTimeout",
                                    "cut off after " + took.toMillis()
                                            + " ms, when the time left before the invocation's deadline ran out")),
                    took);
        }

        /** What the collectors gathered so far, uncut: the evidence the diagnosis reads. */
        public List<CollectorResult> results() {
            return List.copyOf(results);
        }

        /**
         * What was gathered, whole, as it is recorded: measured as the agent reads it with the diagnosis (null when
         * there is none). Budgets are applied when it is read ({@link ContextFitter}).
         */
        public EnrichedContext gathered(Diagnosis diagnosis) {
            if (hasNext()) {
                throw new IllegalStateException("Gathering has " + (toRun.size() - results.size()) + " steps to run");
            }
            TokenBudget.Fitted fitted = new TokenBudget(0)
                    .fit(alert, results, registry.trimOrder(), new AgentViewTokens(counter, diagnosis));
            return new EnrichedContext(
                    fitted.alert(), fitted.results(), clock.instant(), fitted.tokens(), fitted.report());
        }
    }

    private CollectorResult skipped(ContextCollector collector, Duration left) {
        return CollectorResult.failed(
                collector.name(),
                new CollectorError(
                        "Skipped",
                        "",
                        "not started: the time left before the deadline was "
                                + Math.max(0, left.toMillis()) + " ms; a collector is given at least "
                                + minimumPerCollector.toMillis() + " ms"));
    }

    /** A collector's result and the time from the start of gathering to its end. */
    private record Timed(CollectorResult result, Duration took) {}
}

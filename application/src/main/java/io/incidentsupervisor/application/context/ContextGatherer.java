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
 * Runs the collectors registered for an alert's type, one per step, turns each failure into that collector's result,
 * and gives what was gathered whole, measured. The caller drives the steps, so it can record each one as it ends.
 *
 * <p>Time is shared out so that gathering always ends before the deadline less a reserve for recording the result:
 * each collector may take its fair share of what is left ({@code left / collectors still to run}) and is cut off at its
 * end, recorded as a {@code Timeout}; one whose share is below the minimum is not started ({@code Skipped}). A cut-off
 * collector's thread is interrupted and left to the SDK's own call timeouts; its late answer is ignored.
 */
public final class ContextGatherer {

    private static final Logger LOG = LoggerFactory.getLogger(ContextGatherer.class);

    /** One collector's run: whether it gathered its context, and how long it took. */
    public record Step(String collector, boolean succeeded, Duration took) {}

    private final CollectorRegistry registry;
    private final TokenCounter counter;
    private final Clock clock;
    private final Duration minimumPerCollector;
    private final Duration recordingReserve;
    private final TimeBoxed collectors = new TimeBoxed("collector");

    /**
     * @param minimumPerCollector a collector whose share of the time left is shorter is not started
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

        private Gathering(IncidentAlert alert, List<ContextCollector> toRun, Instant gatheringEnds) {
            this.alert = alert;
            this.toRun = toRun;
            this.gatheringEnds = gatheringEnds;
        }

        public boolean hasNext() {
            return results.size() < toRun.size();
        }

        /**
         * Runs the next collector within its share of the time left; when that share is too short the collector is
         * recorded as skipped instead, and nothing is returned.
         */
        public Optional<Step> runNext() {
            ContextCollector collector = toRun.get(results.size());
            Instant started = clock.instant();
            Duration share = Duration.between(started, gatheringEnds).dividedBy(toRun.size() - results.size());
            if (share.compareTo(minimumPerCollector) < 0) {
                results.add(skipped(collector, share));
                return Optional.empty();
            }
            CollectorResult result = collectWithin(collector, alert, share);
            results.add(result);
            return Optional.of(
                    new Step(collector.name(), result.succeeded(), Duration.between(started, clock.instant())));
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

    private CollectorResult skipped(ContextCollector collector, Duration share) {
        return CollectorResult.failed(
                collector.name(),
                new CollectorError(
                        "Skipped",
                        "",
                        "not started: its share of the time left before the deadline was "
                                + Math.max(0, share.toMillis()) + " ms; a collector is given at least "
                                + minimumPerCollector.toMillis() + " ms"));
    }

    private CollectorResult collectWithin(ContextCollector collector, IncidentAlert alert, Duration share) {
        TimeBoxed.Ended<CollectorResult> ended = collectors.run(() -> collector.collect(alert), share);
        if (ended instanceof TimeBoxed.Done<CollectorResult> done) {
            return done.value();
        }
        if (ended instanceof TimeBoxed.Threw<CollectorResult> threw) {
            // A collector should report provider failures as results; anything thrown is a bug in it, and must not stop
            // the others.
            Throwable cause = threw.cause();
            LOG.warn("Collector {} failed unexpectedly for {}", collector.name(), alert.incidentId(), cause);
            return CollectorResult.failed(
                    collector.name(),
                    new CollectorError("Unexpected", cause.getClass().getSimpleName(), cause.getMessage()));
        }
        return CollectorResult.failed(
                collector.name(),
                new CollectorError(
                        "Timeout",
                        "CollectorTimeout",
                        "cut off after " + share.toMillis()
                                + " ms, its share of the time left before the invocation's deadline"));
    }
}

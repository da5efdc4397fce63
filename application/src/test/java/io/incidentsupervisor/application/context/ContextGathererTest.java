package io.incidentsupervisor.application.context;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.application.port.out.ContextCollector;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ContextGathererTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:05Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<String> heartbeats = new ArrayList<>();

    @Test
    void runsTheRegisteredCollectorsInOrderAndBeatsOncePerCollector() {
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(collector(
                        "lambda-configuration",
                        alert -> CollectorResult.gathered("lambda-configuration", Map.of("Runtime", "java21"))))
                .errorType(
                        "S3AccessError",
                        collector(
                                "cloudwatch-logs",
                                alert -> CollectorResult.gathered("cloudwatch-logs", Map.of("events", 0))))
                .build();

        EnrichedContext context = gather(gatherer(registry), NOW.plusSeconds(60));

        assertThat(context.results())
                .extracting(CollectorResult::source)
                .containsExactly("lambda-configuration", "cloudwatch-logs");
        assertThat(heartbeats).containsExactly("lambda-configuration:true", "cloudwatch-logs:true");
        assertThat(context.enrichedAt()).isEqualTo(NOW);
        assertThat(context.tokenCount())
                .isEqualTo(new TextLengthCounter().count(AgentView.render(null, ALERT, context.results())));
        assertThat(context.truncation().tokenizer()).isEqualTo(TextLengthCounter.NAME);
    }

    @Test
    void aCollectorThatThrowsBecomesAFailedResultAndTheOthersStillRun() {
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(
                        collector("iam-role", alert -> {
                            throw new IllegalStateException("bug in the collector");
                        }),
                        collector(
                                "lambda-configuration",
                                alert -> CollectorResult.gathered("lambda-configuration", Map.of("Runtime", "java21"))))
                .build();

        EnrichedContext context = gather(gatherer(registry), NOW.plusSeconds(60));

        assertThat(context.results().get(0).error().kind()).isEqualTo("Unexpected");
        assertThat(context.results().get(0).error().code()).isEqualTo("IllegalStateException");
        assertThat(context.results().get(0).error().message()).isEqualTo("bug in the collector");
        assertThat(context.results().get(1).succeeded()).isTrue();
        assertThat(heartbeats).containsExactly("iam-role:false", "lambda-configuration:true");
    }

    @Test
    void noCollectorIsStartedWithLessTimeLeftThanItNeedsAndTheSkipIsMarked() {
        List<String> started = new ArrayList<>();
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(collector("lambda-configuration", alert -> {
                    started.add("lambda-configuration");
                    return CollectorResult.gathered("lambda-configuration", Map.of());
                }))
                .build();

        EnrichedContext context = gather(gatherer(registry), NOW.plusSeconds(2));

        assertThat(started).isEmpty();
        assertThat(context.results()).singleElement().satisfies(result -> {
            assertThat(result.error().kind()).isEqualTo("Skipped");
            assertThat(result.error().message()).contains("was 2000 ms").contains("at least 3000 ms");
        });
    }

    @Test
    void aCollectorStillRunningWhenTheTimeIsUpIsCutOffAsATimeoutAndTheOthersAreKept() throws Exception {
        // No wall-clock margin: the slow collector never returns until the test releases it, so a result for it can
        // only be the gatherer giving up at the end of its share (1.5 s of the 1.8 s on the test's fixed clock).
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        List<String> howItEnded = new java.util.concurrent.CopyOnWriteArrayList<>();
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(
                        collector("cloudwatch-logs", alert -> {
                            try {
                                howItEnded.add(release.await(30, TimeUnit.SECONDS) ? "released" : "waited 30 s");
                            } catch (InterruptedException e) {
                                howItEnded.add("interrupted");
                                Thread.currentThread().interrupt();
                            } finally {
                                ended.countDown();
                            }
                            return CollectorResult.gathered("cloudwatch-logs", Map.of("late", true));
                        }),
                        collector(
                                "lambda-configuration",
                                alert -> CollectorResult.gathered("lambda-configuration", Map.of("Runtime", "java21"))))
                .build();
        ContextGatherer gatherer = new ContextGatherer(
                registry, new TextLengthCounter(), clock, Duration.ofMillis(100), Duration.ofMillis(300));

        EnrichedContext context = gather(gatherer, NOW.plusMillis(1_800));

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        assertThat(howItEnded)
                .as("the gatherer gave up on the slow collector and interrupted it; it was never released")
                .containsExactly("interrupted");
        assertThat(context.results().get(0).error().kind()).isEqualTo("Timeout");
        assertThat(context.results().get(0).error().message())
                .matches("cut off after \\d+ ms, when the time left before the invocation's deadline ran out");
        assertThat(context.results().get(1).succeeded()).isTrue();
        assertThat(heartbeats).containsExactly("cloudwatch-logs:false", "lambda-configuration:true");
    }

    @Test
    void theCollectorsRunAtOnceSoTheSlowestSetsTheTime() {
        // Each collector waits for all three to have started: run one after another, none would get past the barrier.
        CyclicBarrier allStarted = new CyclicBarrier(3);
        Function<String, ContextCollector> waiting = name -> collector(name, alert -> {
            try {
                allStarted.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException(name + " ran alone", e);
            }
            return CollectorResult.gathered(name, Map.of());
        });
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(waiting.apply("lambda-configuration"), waiting.apply("cloudwatch-logs"))
                .errorType("S3AccessError", waiting.apply("iam-role"))
                .build();

        EnrichedContext context = gather(gatherer(registry), NOW.plusSeconds(60));

        assertThat(context.results())
                .allSatisfy(result -> assertThat(result.succeeded()).isTrue());
        assertThat(heartbeats).containsExactly("lambda-configuration:true", "cloudwatch-logs:true", "iam-role:true");
    }

    private ContextGatherer gatherer(CollectorRegistry registry) {
        return new ContextGatherer(registry, new TextLengthCounter(), clock, Duration.ofSeconds(3), Duration.ZERO);
    }

    private static ContextCollector collector(String name, Function<IncidentAlert, CollectorResult> collect) {
        return new StubCollector(name, collect);
    }

    /** Runs every step, noting each collector that ran as a heartbeat, as the investigation does. */
    private EnrichedContext gather(ContextGatherer gatherer, Instant deadline) {
        ContextGatherer.Gathering gathering = gatherer.start(ALERT, deadline);
        while (gathering.hasNext()) {
            gathering.runNext().ifPresent(step -> heartbeats.add(step.collector() + ":" + step.succeeded()));
        }
        return gathering.gathered(null);
    }
}

package io.incidentsupervisor.application.context;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.TokenBudget;
import io.incidentsupervisor.domain.port.CollectorRegistry;
import io.incidentsupervisor.domain.port.ContextCollector;
import io.incidentsupervisor.domain.port.StubCollector;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ContextGathererTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:05Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<String> heartbeats = new ArrayList<>();

    @Test
    void runsTheRegisteredCollectorsInOrderAndBeatsOncePerCollector() {
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(collector("lambda-configuration", 3, alert -> CollectorResult.gathered("lambda-configuration", Map.of("Runtime", "java21"))))
                .errorType("S3AccessError", collector("cloudwatch-logs", 1, alert -> CollectorResult.gathered("cloudwatch-logs", Map.of("events", 0))))
                .build();

        EnrichedContext context = gatherer(registry).gather(ALERT, NOW.plusSeconds(60), (name, ok, took) -> heartbeats.add(name + ":" + ok));

        assertThat(context.results()).extracting(CollectorResult::source).containsExactly("lambda-configuration", "cloudwatch-logs");
        assertThat(heartbeats).containsExactly("lambda-configuration:true", "cloudwatch-logs:true");
        assertThat(context.enrichedAt()).isEqualTo(NOW);
        assertThat(context.tokenCount()).isEqualTo(new JtokkitTokenCounter().count(AgentView.render(ALERT, context.results())));
        assertThat(context.truncation().tokenizer()).isEqualTo("o200k_base");
    }

    @Test
    void aCollectorThatThrowsBecomesAFailedResultAndTheOthersStillRun() {
        CollectorRegistry registry = CollectorRegistry.builder()
                .everyErrorType(
                        collector("iam-role", 2, alert -> {
                            throw new IllegalStateException("bug in the collector");
                        }),
                        collector("lambda-configuration", 3, alert -> CollectorResult.gathered("lambda-configuration", Map.of("Runtime", "java21"))))
                .build();

        EnrichedContext context = gatherer(registry).gather(ALERT, NOW.plusSeconds(60), (name, ok, took) -> heartbeats.add(name + ":" + ok));

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
                .everyErrorType(collector("lambda-configuration", 3, alert -> {
                    started.add("lambda-configuration");
                    return CollectorResult.gathered("lambda-configuration", Map.of());
                }))
                .build();

        EnrichedContext context = gatherer(registry).gather(ALERT, NOW.plusSeconds(2), ContextGatherer.Progress.NONE);

        assertThat(started).isEmpty();
        assertThat(context.results()).singleElement().satisfies(result -> {
            assertThat(result.error().kind()).isEqualTo("Skipped");
            assertThat(result.error().message()).contains("2000 ms were left").contains("given 3000 ms");
        });
    }

    private ContextGatherer gatherer(CollectorRegistry registry) {
        return new ContextGatherer(registry, new TokenBudget(3000), new JtokkitTokenCounter(), clock, Duration.ofSeconds(3));
    }

    private static ContextCollector collector(String name, int trimOrder, Function<IncidentAlert, CollectorResult> collect) {
        return new StubCollector(name, trimOrder, collect);
    }
}

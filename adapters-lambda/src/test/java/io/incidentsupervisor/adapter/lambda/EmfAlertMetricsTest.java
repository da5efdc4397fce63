package io.incidentsupervisor.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.SampleIncidents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lines {@link EmfAlertMetrics} writes, read back and checked against the Embedded Metric Format's rules. */
class EmfAlertMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:02Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final StandardOutput out = new StandardOutput();

    @Test
    void anInvocationsCountsGoOnOneLineAndACountTakenTwiceKeepsBothValues() throws Exception {
        EmfAlertMetrics metrics = new EmfAlertMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
        metrics.batch(2);
        metrics.received();
        metrics.received();
        metrics.failed();
        metrics.publish();

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode line = lines.get(0);
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(line.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("IncidentSupervisor");
        assertThat(dimensionSet(line)).containsExactly("Service");
        assertThat(line.path("Service").asText()).isEqualTo("incident-supervisor");
        assertThat(units(line))
                .containsExactly(
                        Map.entry("BatchSize", "Count"),
                        Map.entry("AlertsReceived", "Count"),
                        Map.entry("InvestigationsFailed", "Count"));
        assertThat(line.path("BatchSize").asDouble()).isEqualTo(2);
        assertThat(line.path("AlertsReceived").isArray()).isTrue();
        assertThat(line.path("AlertsReceived")).extracting(JsonNode::asDouble).containsExactly(1.0, 1.0);
        assertThat(line.path("InvestigationsFailed").asDouble()).isEqualTo(1);
    }

    @Test
    void eachCollectorsLatencyGoesOnALineOfItsOwnUnderItsName() throws Exception {
        EmfAlertMetrics metrics = new EmfAlertMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
        Map<String, Duration> latency = new LinkedHashMap<>();
        latency.put("lambda-configuration", Duration.ofMillis(42));
        latency.put("cloudwatch-logs", Duration.ofMillis(310));
        metrics.received();
        metrics.handled(new Outcome.Investigated(
                new IncidentId("data-processor#2026-11-23T08:00:00Z"), 1, SampleIncidents.context(NOW), latency));
        metrics.publish();

        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("ContextTokens").asDouble())
                .isEqualTo(SampleIncidents.context(NOW).tokenCount());
        for (int i = 1; i < 3; i++) {
            assertThat(dimensionSet(lines.get(i))).containsExactly("Service", "Collector");
            assertThat(units(lines.get(i))).containsExactly(Map.entry("CollectorLatency", "Milliseconds"));
        }
        assertThat(lines.subList(1, 3))
                .extracting(
                        line -> line.path("Collector").asText(),
                        line -> line.path("CollectorLatency").asDouble())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lambda-configuration", 42.0),
                        org.assertj.core.groups.Tuple.tuple("cloudwatch-logs", 310.0));
    }

    @Test
    void nothingCountedWritesNothingAndAPublishedInvocationIsNotWrittenAgain() throws Exception {
        EmfAlertMetrics metrics = new EmfAlertMetrics(Clock.fixed(NOW, ZoneOffset.UTC));
        metrics.publish();
        assertThat(out.text()).isEmpty();

        metrics.rejected();
        metrics.publish();
        metrics.publish();
        assertThat(lines())
                .singleElement()
                .satisfies(line ->
                        assertThat(line.path("AlertsRejected").asDouble()).isEqualTo(1));
    }

    /** Every line, each checked: a metric named in the directive has its value at the top level, as has each dimension. */
    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : out.text().split("\\R")) {
            JsonNode line = JSON.readTree(text);
            JsonNode directive = line.at("/_aws/CloudWatchMetrics");
            assertThat(directive.size()).as(text).isEqualTo(1);
            for (JsonNode metric : directive.get(0).get("Metrics")) {
                JsonNode value = line.path(metric.get("Name").asText());
                assertThat(value.isNumber() || (value.isArray() && value.get(0).isNumber()))
                        .as("a number or numbers for %s in %s", metric, text)
                        .isTrue();
            }
            for (String dimension : dimensionSet(line)) {
                assertThat(line.path(dimension).isTextual())
                        .as("%s in %s", dimension, text)
                        .isTrue();
            }
            lines.add(line);
        }
        return lines;
    }

    private static List<String> dimensionSet(JsonNode line) {
        JsonNode sets = line.at("/_aws/CloudWatchMetrics/0/Dimensions");
        assertThat(sets.size()).isEqualTo(1);
        List<String> names = new ArrayList<>();
        sets.get(0).forEach(name -> names.add(name.asText()));
        return names;
    }

    private static Map<String, String> units(JsonNode line) {
        Map<String, String> units = new LinkedHashMap<>();
        for (Iterator<JsonNode> metrics =
                        line.at("/_aws/CloudWatchMetrics/0/Metrics").elements();
                metrics.hasNext(); ) {
            JsonNode metric = metrics.next();
            units.put(metric.get("Name").asText(), metric.get("Unit").asText());
        }
        return units;
    }
}

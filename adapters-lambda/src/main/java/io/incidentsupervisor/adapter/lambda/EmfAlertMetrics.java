package io.incidentsupervisor.adapter.lambda;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.Outcome.Duplicate;
import io.incidentsupervisor.application.port.in.Outcome.Investigated;
import io.incidentsupervisor.application.port.in.Outcome.Recurred;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The handler's metrics as CloudWatch Embedded Metric Format lines on standard output, where Lambda sends them to
 * CloudWatch Logs and CloudWatch extracts the metrics: at {@link #publish()}, one line with the invocation's counts and
 * the context's tokens under the dimension {@code Service}, and one per collector with its latency under
 * {@code Service} and {@code Collector}. A metric counted more than once in an invocation (an SQS batch) holds its values
 * as an array. Nothing counted, nothing written. Every line is stamped when it is written.
 */
public final class EmfAlertMetrics implements AlertMetrics {

    public static final String NAMESPACE = "IncidentSupervisor";
    public static final String SERVICE = "incident-supervisor";

    private static final JsonFactory JSON = new JsonFactory();

    private record Latency(String collector, long millis) {}

    private final Clock clock;
    private final Map<String, List<Double>> counts = new LinkedHashMap<>();
    private final List<Latency> latencies = new ArrayList<>();

    public EmfAlertMetrics(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void received() {
        count("AlertsReceived", 1);
    }

    @Override
    public synchronized void rejected() {
        count("AlertsRejected", 1);
    }

    @Override
    public synchronized void failed() {
        count("InvestigationsFailed", 1);
    }

    @Override
    public synchronized void handled(Outcome outcome) {
        if (outcome instanceof Duplicate) {
            count("AlertsDuplicate", 1);
        } else if (outcome instanceof Recurred) {
            count("AlertsRecurred", 1);
        } else if (outcome instanceof Investigated investigated) {
            count("ContextTokens", investigated.context().tokenCount());
            for (Map.Entry<String, Duration> latency :
                    investigated.collectorLatency().entrySet()) {
                latencies.add(new Latency(latency.getKey(), latency.getValue().toMillis()));
            }
        }
    }

    @Override
    public synchronized void batch(int size) {
        count("BatchSize", size);
    }

    @Override
    public synchronized void publish() {
        long timestamp = clock.millis();
        if (!counts.isEmpty()) {
            System.out.println(line(timestamp, counts, "Count", Map.of()));
        }
        for (Latency latency : latencies) {
            System.out.println(line(
                    timestamp,
                    Map.of("CollectorLatency", List.of((double) latency.millis())),
                    "Milliseconds",
                    Map.of("Collector", latency.collector())));
        }
        counts.clear();
        latencies.clear();
    }

    private void count(String metric, double value) {
        counts.computeIfAbsent(metric, name -> new ArrayList<>()).add(value);
    }

    /** One EMF document: the metrics' values, all in {@code unit}, under Service and the {@code dimensions} given. */
    private static String line(
            long timestamp, Map<String, List<Double>> metrics, String unit, Map<String, String> dimensions) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeObjectFieldStart("_aws");
            json.writeNumberField("Timestamp", timestamp);
            json.writeArrayFieldStart("CloudWatchMetrics");
            json.writeStartObject();
            json.writeStringField("Namespace", NAMESPACE);
            json.writeArrayFieldStart("Metrics");
            for (String name : metrics.keySet()) {
                json.writeStartObject();
                json.writeStringField("Name", name);
                json.writeStringField("Unit", unit);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("Dimensions");
            json.writeStartArray();
            json.writeString("Service");
            for (String dimension : dimensions.keySet()) {
                json.writeString(dimension);
            }
            json.writeEndArray();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeStringField("Service", SERVICE);
            for (Map.Entry<String, String> dimension : dimensions.entrySet()) {
                json.writeStringField(dimension.getKey(), dimension.getValue());
            }
            for (Map.Entry<String, List<Double>> metric : metrics.entrySet()) {
                List<Double> values = metric.getValue();
                json.writeFieldName(metric.getKey());
                if (values.size() == 1) {
                    json.writeNumber(values.get(0));
                } else {
                    json.writeStartArray();
                    for (double value : values) {
                        json.writeNumber(value);
                    }
                    json.writeEndArray();
                }
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("An EMF line could not be written", e);
        }
        return line.toString();
    }
}

package io.incidentsupervisor.adapter.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.incidentsupervisor.application.port.in.PublishLifecycleEvents;
import io.incidentsupervisor.application.port.in.PublishLifecycleEvents.Committed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event table's DynamoDB stream to lifecycle events. A stream record exists only for an item a transaction
 * committed, so each new stored event of the batch is published, and nothing a refused commit tried to write. A batch
 * that cannot be published is reported failed from its first record on, so the event source mapping sends it again:
 * at least once, never early, and the investigation that committed it is never touched.
 */
public final class EventStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamHandler.class);

    private final PublishLifecycleEvents publishing;
    private final Function<Map<String, String>, Optional<Committed>> committed;

    /** @param committed a stream record's keys (as text) as the stored event they name; empty for other items */
    public EventStreamHandler(
            PublishLifecycleEvents publishing, Function<Map<String, String>, Optional<Committed>> committed) {
        this.publishing = publishing;
        this.committed = committed;
    }

    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<Committed> stored = new ArrayList<>();
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
            if ("INSERT".equals(record.getEventName())) {
                committed.apply(keys(record)).ifPresent(stored::add);
            }
        }
        try {
            int published = publishing.publish(stored);
            LOG.atInfo()
                    .addKeyValue("records", event.getRecords().size())
                    .addKeyValue("storedEvents", stored.size())
                    .addKeyValue("published", published)
                    .log("Published lifecycle events");
            return new StreamsEventResponse();
        } catch (RuntimeException e) {
            LOG.atError()
                    .addKeyValue("records", event.getRecords().size())
                    .addKeyValue("error", e.toString())
                    .log("Lifecycle events not published; the batch is sent again");
            String first = event.getRecords().get(0).getDynamodb().getSequenceNumber();
            return new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure(first)));
        }
    }

    private static Map<String, String> keys(DynamodbEvent.DynamodbStreamRecord record) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, AttributeValue> raw = record.getDynamodb().getKeys();
        if (raw != null) {
            raw.forEach((name, value) -> keys.put(name, value.getS() != null ? value.getS() : value.getN()));
        }
        return keys;
    }
}

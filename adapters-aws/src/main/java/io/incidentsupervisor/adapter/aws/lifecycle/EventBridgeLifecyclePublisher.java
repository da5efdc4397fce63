package io.incidentsupervisor.adapter.aws.lifecycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.application.port.out.LifecyclePublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Lifecycle events to an EventBridge bus with {@code events:PutEvents}, ten entries a request (EventBridge's maximum).
 * Entries EventBridge did not take are sent again, up to {@link #ATTEMPTS} times in all; then it throws, and the
 * caller's retry sends the whole batch again (a consumer de-duplicates by {@code detail.eventId}).
 */
public final class EventBridgeLifecyclePublisher implements LifecyclePublisher {

    static final int ENTRIES_PER_REQUEST = 10;
    static final int ATTEMPTS = 3;
    private static final ObjectWriter DETAIL = Json.forAgents();

    private final EventBridgeClient eventBridge;
    private final String bus;

    /** @param bus the bus's name or ARN */
    public EventBridgeLifecyclePublisher(EventBridgeClient eventBridge, String bus) {
        this.eventBridge = Objects.requireNonNull(eventBridge, "eventBridge");
        this.bus = Objects.requireNonNull(bus, "bus");
    }

    @Override
    public void publish(List<LifecycleEvent> events) {
        for (int from = 0; from < events.size(); from += ENTRIES_PER_REQUEST) {
            List<PutEventsRequestEntry> entries = new ArrayList<>();
            for (LifecycleEvent event : events.subList(from, Math.min(events.size(), from + ENTRIES_PER_REQUEST))) {
                entries.add(entry(event));
            }
            send(entries);
        }
    }

    private void send(List<PutEventsRequestEntry> entries) {
        List<PutEventsRequestEntry> pending = entries;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            List<PutEventsRequestEntry> sending = pending;
            PutEventsResponse response = eventBridge.putEvents(r -> r.entries(sending));
            if (response.failedEntryCount() == null || response.failedEntryCount() == 0) {
                return;
            }
            List<PutEventsRequestEntry> failed = new ArrayList<>();
            List<PutEventsResultEntry> results = response.entries();
            for (int i = 0; i < results.size() && i < sending.size(); i++) {
                if (results.get(i).errorCode() != null) {
                    failed.add(sending.get(i));
                }
            }
            pending = failed;
        }
        throw new LifecycleEventsNotTaken(pending.size() + " of " + entries.size() + " lifecycle events not taken by "
                + bus + " after " + ATTEMPTS + " attempts");
    }

    private PutEventsRequestEntry entry(LifecycleEvent event) {
        try {
            return PutEventsRequestEntry.builder()
                    .eventBusName(bus)
                    .source(event.source())
                    .detailType(event.detailType())
                    .time(event.time())
                    .detail(DETAIL.writeValueAsString(event.detail()))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A lifecycle event could not be written as JSON", e);
        }
    }

    /** EventBridge refused some entries, every attempt. */
    public static final class LifecycleEventsNotTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LifecycleEventsNotTaken(String message) {
            super(message);
        }
    }
}

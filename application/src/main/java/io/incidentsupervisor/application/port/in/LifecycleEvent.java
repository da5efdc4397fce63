package io.incidentsupervisor.application.port.in;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One incident lifecycle event as EventBridge carries it: {@code source} {@code incident-supervisor}, a past-tense
 * {@code detail-type}, the time of the change, and a {@code detail} of version "1" whose {@code eventId} is stable (the
 * incident id and the stored event's sequence): a consumer de-duplicates by it. A public API, pinned by a JSON Schema
 * ({@code docs/events/incident-lifecycle.v1.schema.json}). The detail is JSON already, in the compact public form
 * ({@code Json.forAgents()}: no null or empty member), so every writer gives out the same bytes of it.
 */
public record LifecycleEvent(
        String source, @JsonProperty("detail-type") String detailType, Instant time, JsonNode detail) {

    public String eventId() {
        return detail.path("eventId").asText();
    }
}

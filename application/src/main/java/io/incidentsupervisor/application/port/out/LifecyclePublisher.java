package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.application.port.in.LifecycleEvent;
import java.util.List;

/**
 * Outgoing: sends lifecycle events to their consumers. Returns only when every one was taken; throws otherwise, so the
 * caller sends them again, and a consumer de-duplicates by {@link LifecycleEvent#eventId()}.
 */
public interface LifecyclePublisher {

    void publish(List<LifecycleEvent> events);
}

package io.incidentsupervisor.domain.port;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.Map;
import java.util.function.Function;

/** A collector for tests: a name, a trim order and what it does; shared with the application tests. */
public record StubCollector(String name, int trimOrder, Function<IncidentAlert, CollectorResult> behaviour)
        implements ContextCollector {

    public static StubCollector named(String name) {
        return new StubCollector(name, 1, alert -> CollectorResult.gathered(name, Map.of()));
    }

    @Override
    public CollectorResult collect(IncidentAlert alert) {
        return behaviour.apply(alert);
    }

    @Override
    public String toString() {
        return name;
    }
}

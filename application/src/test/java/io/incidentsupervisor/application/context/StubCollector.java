package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.out.ContextCollector;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.Map;
import java.util.function.Function;

/** A collector for tests: a name and what it does; shared with the application tests. */
public record StubCollector(String name, Function<IncidentAlert, CollectorResult> behaviour)
        implements ContextCollector {

    public static StubCollector named(String name) {
        return new StubCollector(name, alert -> CollectorResult.gathered(name, Map.of()));
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

package io.incidentsupervisor.application.storedevents;

import io.incidentsupervisor.domain.model.CollectorFinished;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRecurred;
import io.incidentsupervisor.domain.model.InvestigationFailed;
import io.incidentsupervisor.domain.model.InvestigationRetried;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names and revisions events are stored under: a public API, independent of the Java classes that hold them today.
 * Renaming or moving a class changes only its line here; changing an event's shape bumps its revision and adds an
 * upcaster ({@link StoredEventUpcasters}) that brings every older revision to the current one.
 */
public final class StoredEventTypes {

    /** One stored event type: its durable name, its current revision, and the class that holds it now. */
    public record StoredEventType(String name, String revision, Class<?> javaClass) {

        public StoredEventType {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(revision, "revision");
            Objects.requireNonNull(javaClass, "javaClass");
        }
    }

    /** Every event of this version of the service. */
    public static final StoredEventTypes CURRENT = new StoredEventTypes(List.of(
            new StoredEventType("IncidentReceived", "1", IncidentReceived.class),
            new StoredEventType("InvestigationStarted", "1", InvestigationStarted.class),
            new StoredEventType("CollectorFinished", "1", CollectorFinished.class),
            new StoredEventType("ContextGathered", "1", ContextGathered.class),
            new StoredEventType("InvestigationFailed", "1", InvestigationFailed.class),
            new StoredEventType("InvestigationRetried", "1", InvestigationRetried.class),
            new StoredEventType("IncidentDiagnosed", "2", IncidentDiagnosed.class),
            new StoredEventType("IncidentRecurred", "1", IncidentRecurred.class)));

    private final Map<String, StoredEventType> byName = new LinkedHashMap<>();
    private final Map<Class<?>, StoredEventType> byClass = new LinkedHashMap<>();

    public StoredEventTypes(List<StoredEventType> types) {
        for (StoredEventType type : types) {
            if (byName.put(type.name(), type) != null || byClass.put(type.javaClass(), type) != null) {
                throw new IllegalArgumentException("Stored event names and classes must each appear once: " + type);
            }
        }
    }

    public Optional<StoredEventType> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Optional<StoredEventType> of(Class<?> javaClass) {
        return Optional.ofNullable(byClass.get(javaClass));
    }

    public List<StoredEventType> all() {
        return List.copyOf(byName.values());
    }
}

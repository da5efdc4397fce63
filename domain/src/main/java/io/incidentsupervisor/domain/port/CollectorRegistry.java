package io.incidentsupervisor.domain.port;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which collectors run for which {@code error_type}, in order: the defaults for every type, then the type's own. An
 * unknown type gets the defaults only.
 */
public final class CollectorRegistry {

    private final List<ContextCollector> defaults;
    private final Map<String, List<ContextCollector>> byErrorType;

    private CollectorRegistry(List<ContextCollector> defaults, Map<String, List<ContextCollector>> byErrorType) {
        this.defaults = List.copyOf(defaults);
        this.byErrorType = Collections.unmodifiableMap(new LinkedHashMap<>(byErrorType));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The collectors for an alert of this type, defaults first, each once. */
    public List<ContextCollector> collectorsFor(String errorType) {
        Set<ContextCollector> ordered = new LinkedHashSet<>(defaults);
        ordered.addAll(byErrorType.getOrDefault(errorType, List.of()));
        return List.copyOf(ordered);
    }

    /** Every registered collector, each once. */
    public List<ContextCollector> all() {
        Set<ContextCollector> all = new LinkedHashSet<>(defaults);
        byErrorType.values().forEach(all::addAll);
        return List.copyOf(all);
    }

    /** Registers collectors: one line per default or per error type. */
    public static final class Builder {

        private final List<ContextCollector> defaults = new ArrayList<>();
        private final Map<String, List<ContextCollector>> byErrorType = new LinkedHashMap<>();

        private Builder() {}

        public Builder everyErrorType(ContextCollector... collectors) {
            defaults.addAll(List.of(collectors));
            return this;
        }

        public Builder errorType(String errorType, ContextCollector... collectors) {
            Objects.requireNonNull(errorType, "errorType");
            byErrorType.computeIfAbsent(errorType, t -> new ArrayList<>()).addAll(List.of(collectors));
            return this;
        }

        public CollectorRegistry build() {
            Set<String> names = new LinkedHashSet<>();
            CollectorRegistry registry = new CollectorRegistry(defaults, byErrorType);
            for (ContextCollector collector : registry.all()) {
                if (!names.add(collector.name())) {
                    throw new IllegalArgumentException(
                            "Two collectors are named " + collector.name() + "; results are told apart by name");
                }
            }
            return registry;
        }
    }
}

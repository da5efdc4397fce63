package io.incidentsupervisor.application.context;

import io.incidentsupervisor.application.port.out.ContextCollector;
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
 * unknown type gets the defaults only. The registration also declares the trim order: whose evidence the token budget
 * cuts first when a context is too long.
 */
public final class CollectorRegistry {

    private final List<ContextCollector> defaults;
    private final Map<String, List<ContextCollector>> byErrorType;
    private final List<String> trimOrder;

    private CollectorRegistry(
            List<ContextCollector> defaults, Map<String, List<ContextCollector>> byErrorType, List<String> trimOrder) {
        this.defaults = List.copyOf(defaults);
        this.byErrorType = Collections.unmodifiableMap(new LinkedHashMap<>(byErrorType));
        this.trimOrder = List.copyOf(trimOrder);
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

    /** Collector names, the one whose evidence is cut first first; unnamed collectors are cut after them all. */
    public List<String> trimOrder() {
        return trimOrder;
    }

    /** Registers collectors: one line per default or per error type. */
    public static final class Builder {

        private final List<ContextCollector> defaults = new ArrayList<>();
        private final Map<String, List<ContextCollector>> byErrorType = new LinkedHashMap<>();
        private final List<String> trimOrder = new ArrayList<>();

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

        /** Whose evidence the budget cuts first when a context is too long; collectors it does not name are cut last. */
        public Builder trimFirstToLast(List<String> collectorNames) {
            trimOrder.addAll(collectorNames);
            return this;
        }

        public CollectorRegistry build() {
            Set<String> names = new LinkedHashSet<>();
            CollectorRegistry registry = new CollectorRegistry(defaults, byErrorType, trimOrder);
            for (ContextCollector collector : registry.all()) {
                if (!names.add(collector.name())) {
                    throw new IllegalArgumentException(
                            "Two collectors are named " + collector.name() + "; results are told apart by name");
                }
            }
            if (!names.containsAll(trimOrder) || new LinkedHashSet<>(trimOrder).size() != trimOrder.size()) {
                throw new IllegalArgumentException(
                        "The trim order must name registered collectors, each once: " + trimOrder + " for " + names);
            }
            return registry;
        }
    }
}

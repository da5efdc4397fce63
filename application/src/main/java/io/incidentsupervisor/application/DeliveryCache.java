package io.incidentsupervisor.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The aggregates deliveries have loaded, held strongly until a delivery that decides on the stored history clears them
 * ({@link #removeAll()}): a weak or soft cache would drop them at any garbage collection, and a delivery would re-read
 * its history at random. Repeats of an open incident keep it here between deliveries, so at most {@link #MAX_ENTRIES}
 * are held, the least recently used dropped first.
 */
final class DeliveryCache implements Cache {

    /** An incident's history is a few KB and an occurrence's event a few hundred bytes: a few MB at the most. */
    static final int MAX_ENTRIES = 64;

    private final Map<Object, Object> entries = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    });

    @Override
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // Axon's Cache declares this signature.
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The delivery cache has no entry listeners");
    }
}

package io.incidentsupervisor.domain.budget;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextEntry.Relevance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything the budget may drop, in the order it drops it: sources in trim order; within a source its entries by
 * relevance (background first) and age (as listed), then what is left of the source. Dropping the first {@code k} drops
 * is one candidate context; the budget looks for the smallest {@code k} that fits.
 */
final class TrimPlan {

    /** One thing the budget may drop. */
    sealed interface Drop {
        int result();
    }

    /** An entry of a result. */
    record DropEntry(int result, int entry) implements Drop {}

    /** The rest of a result: its data and any entries still kept. */
    record DropRest(int result) implements Drop {}

    private final List<CollectorResult> results;
    private final List<Drop> drops;

    private TrimPlan(List<CollectorResult> results, List<Drop> drops) {
        this.results = results;
        this.drops = drops;
    }

    /** @param trimOrder source names, trimmed first to last; sources it does not name go after them all */
    static TrimPlan of(List<CollectorResult> results, List<String> trimOrder) {
        List<Integer> sources = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            sources.add(r);
        }
        sources.sort(Comparator.comparingInt(r -> {
            int position = trimOrder.indexOf(results.get(r).source());
            return position < 0 ? Integer.MAX_VALUE : position;
        }));
        List<Drop> drops = new ArrayList<>();
        for (int r : sources) {
            List<ContextEntry> entries = results.get(r).entries();
            for (Relevance relevance : Relevance.values()) {
                for (int e = 0; e < entries.size(); e++) {
                    if (entries.get(e).relevance() == relevance) {
                        drops.add(new DropEntry(r, e));
                    }
                }
            }
            if (!results.get(r).data().isEmpty() || !entries.isEmpty()) {
                drops.add(new DropRest(r));
            }
        }
        return new TrimPlan(results, drops);
    }

    int size() {
        return drops.size();
    }

    /** The results with the first {@code count} drops applied. */
    List<CollectorResult> firstDropsApplied(int count) {
        List<Set<Integer>> droppedEntries = new ArrayList<>();
        Set<Integer> droppedRest = new HashSet<>();
        for (int r = 0; r < results.size(); r++) {
            droppedEntries.add(new HashSet<>());
        }
        for (Drop drop : drops.subList(0, count)) {
            if (drop instanceof DropEntry entry) {
                droppedEntries.get(entry.result()).add(entry.entry());
            } else {
                droppedRest.add(drop.result());
            }
        }
        List<CollectorResult> trimmed = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            CollectorResult result = results.get(r);
            boolean rest = droppedRest.contains(r);
            if (!rest && droppedEntries.get(r).isEmpty()) {
                trimmed.add(result);
                continue;
            }
            List<ContextEntry> kept = new ArrayList<>();
            for (int e = 0; e < result.entries().size() && !rest; e++) {
                if (!droppedEntries.get(r).contains(e)) {
                    kept.add(result.entries().get(e));
                }
            }
            trimmed.add(
                    new CollectorResult(result.source(), rest ? Map.of() : result.data(), kept, result.error(), true));
        }
        return trimmed;
    }

    /** Per source, how many entries the first {@code count} drops remove. */
    Map<String, Integer> entriesDropped(int count) {
        Map<String, Integer> dropped = new TreeMap<>();
        for (Drop drop : drops.subList(0, count)) {
            if (drop instanceof DropEntry) {
                dropped.merge(results.get(drop.result()).source(), 1, Integer::sum);
            }
        }
        return dropped;
    }

    /** The sources the first {@code count} drops remove whole, in the order they go. */
    List<String> sourcesDropped(int count) {
        List<String> dropped = new ArrayList<>();
        for (Drop drop : drops.subList(0, count)) {
            if (drop instanceof DropRest) {
                dropped.add(results.get(drop.result()).source());
            }
        }
        return dropped;
    }
}

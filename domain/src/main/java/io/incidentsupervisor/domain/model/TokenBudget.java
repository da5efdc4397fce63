package io.incidentsupervisor.domain.model;

import io.incidentsupervisor.domain.model.ContextEntry.Relevance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * How many tokens of context an agent gets, and what goes first when there is more: log lines (background before the
 * failure, oldest first), then IAM statements (unrelated to the failing service before related ones, the whole document
 * last), Lambda configuration last of all — generally, each source's entries by relevance and age, then the source
 * whole, sources in their collectors' trim order. Strings are cut to {@value #MAX_STRING_LENGTH} characters first.
 * {@code 0} means unlimited: nothing is cut.
 */
public record TokenBudget(int limit) {

    public static final int DEFAULT = 3000;
    /** Below this not even an alert with empty results is sure to fit. */
    public static final int MINIMUM = 500;

    public static final int MAX_STRING_LENGTH = 500;

    public TokenBudget {
        if (limit != 0 && limit < MINIMUM) {
            throw new IllegalArgumentException(
                    "A token budget is 0 (unlimited) or at least " + MINIMUM + ", not " + limit);
        }
    }

    /** Reads the budget from a setting: absent means {@value #DEFAULT}; anything but 0 or a whole number ≥ 500 is refused. */
    public static TokenBudget parse(String setting, String value) {
        if (value == null || value.isBlank()) {
            return new TokenBudget(DEFAULT);
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfiguration(
                    setting, "must be a whole number of tokens (0 for unlimited), not '" + value + "'");
        }
        if (limit < 0) {
            throw new InvalidConfiguration(setting, "must not be negative: " + limit + " (0 means unlimited)");
        }
        if (limit != 0 && limit < MINIMUM) {
            throw new InvalidConfiguration(
                    setting, "must be 0 (unlimited) or at least " + MINIMUM + " tokens, not " + limit);
        }
        return new TokenBudget(limit);
    }

    public boolean unlimited() {
        return limit == 0;
    }

    /** Counts the tokens of an alert with results as the agent will read them. */
    @FunctionalInterface
    public interface Measure {
        int tokens(IncidentAlert alert, List<CollectorResult> results);
    }

    /** A context cut to fit, its size, and what was cut. */
    public record Fitted(IncidentAlert alert, List<CollectorResult> results, int tokens, TruncationReport report) {}

    /**
     * Cuts the context until {@code measure} says it fits, dropping as little as the order allows.
     *
     * @param trimOrder each source's trim order (lower goes first); sources it does not know go last
     */
    public Fitted fit(
            IncidentAlert alert,
            List<CollectorResult> results,
            ToIntFunction<String> trimOrder,
            String tokenizer,
            Measure measure) {
        int before = measure.tokens(alert, results);
        if (unlimited() || before <= limit) {
            return new Fitted(
                    alert,
                    results,
                    before,
                    new TruncationReport(tokenizer, limit, before, before, Map.of(), List.of(), 0));
        }
        StringCap cap = new StringCap(MAX_STRING_LENGTH);
        IncidentAlert cappedAlert = cap.alert(alert);
        List<CollectorResult> capped = new ArrayList<>();
        for (CollectorResult result : results) {
            capped.add(cap.result(result));
        }

        List<Step> steps = plan(capped, trimOrder);
        int fewest = firstFitting(
                steps.size(), k -> measure.tokens(cappedAlert, apply(capped, steps.subList(0, k))) <= limit);
        IncidentAlert finalAlert = cappedAlert;
        int cappedStrings = cap.count;
        if (fewest < 0) {
            // Even with every result emptied the alert alone is too long: cut its text further.
            fewest = steps.size();
            List<CollectorResult> emptied = apply(capped, steps);
            int longest = lastFitting(
                    MAX_STRING_LENGTH, length -> measure.tokens(new StringCap(length).alert(alert), emptied) <= limit);
            if (longest < 1) {
                throw new IllegalStateException(
                        "A budget of " + limit + " tokens cannot hold even a one-character alert");
            }
            StringCap alertCap = new StringCap(longest);
            finalAlert = alertCap.alert(alert);
            cappedStrings += alertCap.count;
        }
        List<CollectorResult> fitted = apply(capped, steps.subList(0, fewest));
        int after = measure.tokens(finalAlert, fitted);
        return new Fitted(
                finalAlert,
                fitted,
                after,
                report(tokenizer, before, after, capped, steps.subList(0, fewest), cappedStrings));
    }

    private TruncationReport report(
            String tokenizer,
            int before,
            int after,
            List<CollectorResult> results,
            List<Step> taken,
            int cappedStrings) {
        Map<String, Integer> droppedEntries = new TreeMap<>();
        List<String> droppedSources = new ArrayList<>();
        for (Step step : taken) {
            String source = results.get(step.result).source();
            if (step.entry >= 0) {
                droppedEntries.merge(source, 1, Integer::sum);
            } else {
                droppedSources.add(source);
            }
        }
        return new TruncationReport(tokenizer, limit, before, after, droppedEntries, droppedSources, cappedStrings);
    }

    /** One thing the budget may drop: an entry of a result, or (entry -1) what is left of the result. */
    private record Step(int result, int entry) {}

    private static List<Step> plan(List<CollectorResult> results, ToIntFunction<String> trimOrder) {
        List<Integer> sources = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            sources.add(r);
        }
        sources.sort(
                Comparator.comparingInt(r -> trimOrder.applyAsInt(results.get(r).source())));
        List<Step> steps = new ArrayList<>();
        for (int r : sources) {
            List<ContextEntry> entries = results.get(r).entries();
            for (Relevance relevance : Relevance.values()) {
                for (int e = 0; e < entries.size(); e++) {
                    if (entries.get(e).relevance() == relevance) {
                        steps.add(new Step(r, e));
                    }
                }
            }
            if (!results.get(r).data().isEmpty() || !entries.isEmpty()) {
                steps.add(new Step(r, -1));
            }
        }
        return steps;
    }

    private static List<CollectorResult> apply(List<CollectorResult> results, List<Step> steps) {
        List<Set<Integer>> droppedEntries = new ArrayList<>();
        Set<Integer> droppedWhole = new HashSet<>();
        for (int r = 0; r < results.size(); r++) {
            droppedEntries.add(new HashSet<>());
        }
        for (Step step : steps) {
            if (step.entry >= 0) {
                droppedEntries.get(step.result).add(step.entry);
            } else {
                droppedWhole.add(step.result);
            }
        }
        List<CollectorResult> trimmed = new ArrayList<>();
        for (int r = 0; r < results.size(); r++) {
            CollectorResult result = results.get(r);
            boolean whole = droppedWhole.contains(r);
            if (!whole && droppedEntries.get(r).isEmpty()) {
                trimmed.add(result);
                continue;
            }
            List<ContextEntry> kept = new ArrayList<>();
            for (int e = 0; e < result.entries().size() && !whole; e++) {
                if (!droppedEntries.get(r).contains(e)) {
                    kept.add(result.entries().get(e));
                }
            }
            trimmed.add(
                    new CollectorResult(result.source(), whole ? Map.of() : result.data(), kept, result.error(), true));
        }
        return trimmed;
    }

    /** The smallest k in [0, n] for which {@code fits} holds, or -1; {@code fits} must be monotone in k. */
    private static int firstFitting(int n, java.util.function.IntPredicate fits) {
        if (!fits.test(n)) {
            return -1;
        }
        int low = 0;
        int high = n;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (fits.test(middle)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The largest length in [1, n] for which {@code fits} holds, or 0. */
    private static int lastFitting(int n, java.util.function.IntPredicate fits) {
        int low = 0;
        int high = n;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (fits.test(middle)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Cuts every string in a tree to a length, counting the strings it cut. */
    private static final class StringCap {

        private final int length;
        private int count;

        private StringCap(int length) {
            this.length = length;
        }

        IncidentAlert alert(IncidentAlert alert) {
            return new IncidentAlert(
                    string(alert.errorType()),
                    string(alert.errorMessage()),
                    string(alert.errorCode()),
                    alert.lambdaName(),
                    alert.timestamp());
        }

        CollectorResult result(CollectorResult result) {
            List<ContextEntry> entries = new ArrayList<>();
            for (ContextEntry entry : result.entries()) {
                entries.add(new ContextEntry(entry.relevance(), map(entry.content())));
            }
            return new CollectorResult(
                    result.source(), map(result.data()), entries, result.error(), result.truncated());
        }

        private Map<String, Object> map(Map<String, Object> tree) {
            Map<String, Object> capped = new LinkedHashMap<>();
            tree.forEach((key, value) -> capped.put(key, value(value)));
            return capped;
        }

        @SuppressWarnings("unchecked")
        private Object value(Object value) {
            if (value instanceof String text) {
                return string(text);
            }
            if (value instanceof Map<?, ?> map) {
                return map((Map<String, Object>) map);
            }
            if (value instanceof List<?> list) {
                List<Object> capped = new ArrayList<>();
                list.forEach(item -> capped.add(value(item)));
                return capped;
            }
            return value;
        }

        private String string(String text) {
            if (text.length() <= length) {
                return text;
            }
            count++;
            return text.substring(0, length);
        }
    }
}

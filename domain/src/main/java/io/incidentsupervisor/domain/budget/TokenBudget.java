package io.incidentsupervisor.domain.budget;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.Text;
import io.incidentsupervisor.domain.model.TruncationReport;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * How many tokens of context an agent gets, and what goes first when there is more: log lines (background before the
 * failure, oldest first), then IAM statements (unrelated to the failing service before related ones, the whole document
 * last), Lambda configuration last of all — generally, each source's entries by relevance and age, then the source
 * whole, sources in the trim order declared where the collectors are registered ({@link TrimPlan}). Strings are cut to
 * {@value #MAX_STRING_LENGTH} characters first. {@code 0} means unlimited: nothing is cut.
 */
public record TokenBudget(int limit) {

    public static final int DEFAULT = 3000;
    /** Below this not even an alert with empty results is sure to fit. */
    public static final int MINIMUM = 500;

    public static final int MAX_STRING_LENGTH = Text.SHORT;

    public TokenBudget {
        if (limit != 0 && limit < MINIMUM) {
            throw new IllegalArgumentException(
                    "A token budget is 0 (unlimited) or at least " + MINIMUM + ", not " + limit);
        }
    }

    public boolean unlimited() {
        return limit == 0;
    }

    /** A context cut to fit, its size, and what was cut. */
    public record Fitted(IncidentAlert alert, List<CollectorResult> results, int tokens, TruncationReport report) {}

    /**
     * Cuts the context until {@code measure} says it fits, dropping as little as the order allows.
     *
     * @param trimOrder source names, trimmed first to last; sources it does not name go last
     */
    public Fitted fit(
            IncidentAlert alert, List<CollectorResult> results, List<String> trimOrder, ContextMeasure measure) {
        int before = measure.tokens(alert, results);
        if (unlimited() || before <= limit) {
            return new Fitted(
                    alert,
                    results,
                    before,
                    new TruncationReport(measure.tokenizer(), limit, before, before, Map.of(), List.of(), 0));
        }
        StringCap cap = new StringCap(MAX_STRING_LENGTH);
        IncidentAlert cappedAlert = cap.alert(alert);
        TrimPlan plan = TrimPlan.of(cap.results(results), trimOrder);
        int drops = fewestFitting(plan.size(), k -> measure.tokens(cappedAlert, plan.firstDropsApplied(k)) <= limit);
        IncidentAlert finalAlert = cappedAlert;
        int stringsCut = cap.stringsCut();
        if (drops < 0) {
            // Even with every result emptied the alert alone is too long: cut its text further.
            drops = plan.size();
            List<CollectorResult> emptied = plan.firstDropsApplied(drops);
            int longest = longestFitting(
                    MAX_STRING_LENGTH, length -> measure.tokens(new StringCap(length).alert(alert), emptied) <= limit);
            // What is never cut (the diagnosis, the view's structure) may alone exceed a small budget: the most-cut
            // form
            // is kept, and the report's tokensAfter says by how much it is over.
            StringCap alertCap = new StringCap(Math.max(1, longest));
            finalAlert = alertCap.alert(alert);
            stringsCut += alertCap.stringsCut();
        }
        List<CollectorResult> fitted = plan.firstDropsApplied(drops);
        int after = measure.tokens(finalAlert, fitted);
        TruncationReport report = new TruncationReport(
                measure.tokenizer(),
                limit,
                before,
                after,
                plan.entriesDropped(drops),
                plan.sourcesDropped(drops),
                stringsCut);
        return new Fitted(finalAlert, fitted, after, report);
    }

    /** The smallest k in [0, n] for which {@code fits} holds, or -1; {@code fits} must be monotone in k. */
    private static int fewestFitting(int n, IntPredicate fits) {
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
    private static int longestFitting(int n, IntPredicate fits) {
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
}

package io.incidentsupervisor.domain.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the token budget did to a context: the budget ({@code 0} = unlimited), the tokens before and after as counted by
 * the named tokenizer, how many entries it dropped per source, which sources it dropped whole, and how many strings it
 * cut to {@value TokenBudget#MAX_STRING_LENGTH} characters.
 */
public record TruncationReport(
        String tokenizer,
        int budget,
        int tokensBefore,
        int tokensAfter,
        Map<String, Integer> droppedEntries,
        List<String> droppedSources,
        int cappedStrings) {

    public TruncationReport {
        Objects.requireNonNull(tokenizer, "tokenizer");
        droppedEntries = Collections.unmodifiableMap(new TreeMap<>(droppedEntries));
        droppedSources = List.copyOf(droppedSources);
    }

    public boolean unlimited() {
        return budget == 0;
    }

    public boolean trimmed() {
        return !droppedEntries.isEmpty() || !droppedSources.isEmpty() || cappedStrings > 0;
    }
}

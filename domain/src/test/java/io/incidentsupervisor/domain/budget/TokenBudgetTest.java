package io.incidentsupervisor.domain.budget;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextEntry.Relevance;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The budget's order of cutting, with a stand-in measure: ten tokens per character of text. The real tokenizer is tested in adapters-aws. */
class TokenBudgetTest {

    private static final List<String> ORDER = List.of("cloudwatch-logs", "iam-role", "lambda-configuration");
    private static final int PER_CHARACTER = 10;
    private static final ContextMeasure CHARACTERS = new ContextMeasure() {
        @Override
        public String tokenizer() {
            return "chars";
        }

        @Override
        public int tokens(IncidentAlert alert, List<CollectorResult> results) {
            return PER_CHARACTER * (text(alert.errorType()) + text(alert.errorMessage()) + text(alert.errorCode()))
                    + results.stream().mapToInt(TokenBudgetTest::characters).sum();
        }
    };

    private final CollectorResult logs = CollectorResult.gathered(
            "cloudwatch-logs",
            Map.of("logGroup", "/aws/lambda/data-processor"),
            List.of(
                    line(Relevance.BACKGROUND, "oldest background"),
                    line(Relevance.FAILURE, "oldest AccessDenied"),
                    line(Relevance.BACKGROUND, "newer background"),
                    line(Relevance.FAILURE, "newest AccessDenied")),
            false);
    private final CollectorResult iam = CollectorResult.gathered(
            "iam-role",
            Map.of("roleArn", "arn:aws:iam::123456789012:role/data-processor"),
            List.of(statement(Relevance.BACKGROUND, "dynamodb:GetItem"), statement(Relevance.FAILURE, "s3:GetObject")),
            false);
    private final CollectorResult lambda =
            CollectorResult.gathered("lambda-configuration", Map.of("Runtime", "python3.12", "Handler", "app.handler"));
    private final List<CollectorResult> all = List.of(lambda, logs, iam);

    @Test
    void zeroIsUnlimitedAndSaysSo() {
        TokenBudget.Fitted fitted = new TokenBudget(0).fit(ALERT, all, ORDER, CHARACTERS);

        assertThat(fitted.results()).isEqualTo(all);
        assertThat(fitted.report().unlimited()).isTrue();
        assertThat(fitted.report().trimmed()).isFalse();
        assertThat(fitted.report().tokensBefore())
                .isEqualTo(fitted.report().tokensAfter())
                .isEqualTo(CHARACTERS.tokens(ALERT, all));
    }

    @Test
    void aContextWithinBudgetIsUntouched() {
        TokenBudget.Fitted fitted = new TokenBudget(CHARACTERS.tokens(ALERT, all)).fit(ALERT, all, ORDER, CHARACTERS);
        assertThat(fitted.results()).isEqualTo(all);
        assertThat(fitted.report().trimmed()).isFalse();
    }

    @Test
    void logLinesGoFirstBackgroundBeforeFailureOldestFirst() {
        int full = CHARACTERS.tokens(ALERT, all);
        List<List<String>> keptLogLines = new ArrayList<>();
        for (int limit = full - PER_CHARACTER; limit >= full - characters(logs); limit -= PER_CHARACTER) {
            TokenBudget.Fitted fitted = budget(limit).fit(ALERT, all, ORDER, CHARACTERS);
            assertThat(fitted.tokens()).isLessThanOrEqualTo(limit);
            keptLogLines.add(fitted.results().get(1).entries().stream()
                    .map(e -> (String) e.content().get("message"))
                    .toList());
        }
        assertThat(keptLogLines).extracting(List::size).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(keptLogLines)
                .contains(
                        List.of("oldest AccessDenied", "newer background", "newest AccessDenied"),
                        List.of("oldest AccessDenied", "newest AccessDenied"),
                        List.of("newest AccessDenied"));
    }

    @Test
    void thenUnrelatedStatementsThenRelatedOnesThenTheWholeRoleThenTheConfiguration() {
        int logsOnly = characters(logs);
        int full = CHARACTERS.tokens(ALERT, all);

        TokenBudget.Fitted noLogs = budget(full - logsOnly).fit(ALERT, all, ORDER, CHARACTERS);
        assertThat(noLogs.results().get(1).entries()).isEmpty();
        assertThat(noLogs.results().get(2).entries()).hasSize(2);

        TokenBudget.Fitted unrelatedGone =
                budget(full - logsOnly - PER_CHARACTER).fit(ALERT, all, ORDER, CHARACTERS);
        assertThat(unrelatedGone.results().get(2).entries())
                .extracting(e -> e.content().get("Action"))
                .containsExactly("s3:GetObject");

        TokenBudget.Fitted onlyConfiguration =
                budget(CHARACTERS.tokens(ALERT, List.of(lambda))).fit(ALERT, all, ORDER, CHARACTERS);
        assertThat(onlyConfiguration.results())
                .extracting(CollectorResult::data)
                .containsExactly(lambda.data(), Map.of(), Map.of());
        assertThat(onlyConfiguration.report().droppedSources()).containsExactly("cloudwatch-logs", "iam-role");
        assertThat(onlyConfiguration.report().droppedEntries()).isEqualTo(Map.of("cloudwatch-logs", 4, "iam-role", 2));
        assertThat(onlyConfiguration.results())
                .extracting(CollectorResult::truncated)
                .containsExactly(false, true, true);
    }

    @Test
    void longStringsAreCutToFiveHundredCharactersOnceTrimmingStarts() {
        CollectorResult verbose =
                CollectorResult.gathered("lambda-configuration", Map.of("Description", "d".repeat(2_000)));
        int capped = CHARACTERS.tokens(
                ALERT,
                List.of(CollectorResult.gathered("lambda-configuration", Map.of("Description", "d".repeat(500)))));
        TokenBudget.Fitted fitted = budget(capped).fit(ALERT, List.of(verbose), ORDER, CHARACTERS);

        assertThat((String) fitted.results().get(0).data().get("Description")).hasSize(500);
        assertThat(fitted.report().cappedStrings()).isEqualTo(1);
        assertThat(fitted.tokens()).isEqualTo(capped);
    }

    @Test
    void theAlertItselfIsCutWhenNothingElseIsLeft() {
        IncidentAlert longAlert = IncidentAlert.of(
                "S3AccessError", "m".repeat(4_000), "AccessDenied", "data-processor", "2026-11-23T08:00:00Z");
        TokenBudget.Fitted fitted = budget(600).fit(longAlert, all, ORDER, CHARACTERS);

        assertThat(fitted.tokens()).isLessThanOrEqualTo(600);
        assertThat(fitted.alert().errorMessage()).startsWith("mmm").hasSizeLessThan(600);
    }

    private static TokenBudget budget(int limit) {
        return new TokenBudget(Math.max(limit, TokenBudget.MINIMUM));
    }

    private static ContextEntry line(Relevance relevance, String message) {
        return new ContextEntry(relevance, Map.of("message", message));
    }

    private static ContextEntry statement(Relevance relevance, String action) {
        return new ContextEntry(relevance, Map.of("Effect", "Allow", "Action", action));
    }

    private static int characters(CollectorResult result) {
        return PER_CHARACTER
                * (text(result.data().isEmpty() ? "" : result.data().toString())
                        + result.entries().stream()
                                .mapToInt(e -> text(e.content().toString()))
                                .sum());
    }

    private static int text(String text) {
        return text.length();
    }
}

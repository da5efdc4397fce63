package io.incidentsupervisor.adapter.aws.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.application.context.AgentView;
import io.incidentsupervisor.application.context.AgentViewTokens;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextEntry.Relevance;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Property: over many generated contexts, what the budget returns never exceeds it as o200k_base counts the agent's text. */
class TokenBudgetWithO200kTest {

    private static final String[] WORDS = {
        "AccessDenied",
        "s3:GetObject",
        "arn:aws:s3:::orders/2026/11/23.csv",
        "ERROR",
        "INFO",
        "Traceback",
        "botocore.exceptions.ClientError",
        "至",
        "ünïcödé",
        "🚀",
        "{\"requestId\":\"8f1c\"}",
        "RequestId:",
        "Duration:",
        "ms",
        "\\n",
        "0x7ffd"
    };
    private static final O200kTokenCounter COUNTER = new O200kTokenCounter();
    private static final AgentViewTokens MEASURE = new AgentViewTokens(COUNTER, null);
    private static final List<String> TRIM_ORDER = List.of("cloudwatch-logs", "iam-role", "lambda-configuration");

    @Test
    void neverExceedsTheBudgetOnRandomisedLargeContexts() {
        Random random = new Random(20261123);
        int trimmedCases = 0;
        for (int run = 0; run < 300; run++) {
            String message = text(random, 1 + random.nextInt(600));
            IncidentAlert alert = IncidentAlert.of(
                    "S3AccessError",
                    message.substring(0, Math.min(message.length(), IncidentAlert.MAX_ERROR_MESSAGE_LENGTH - 1))
                                    .strip() + "!",
                    "AccessDenied",
                    "data-processor",
                    "2026-11-23T08:00:00Z");
            List<CollectorResult> results = List.of(logs(random), role(random), configuration(random));
            int limit = random.nextBoolean() ? 3000 : TokenBudget.MINIMUM + random.nextInt(4000);

            TokenBudget.Fitted fitted = new TokenBudget(limit).fit(alert, results, TRIM_ORDER, MEASURE);

            int actual = COUNTER.count(AgentView.render(null, fitted.alert(), fitted.results()));
            assertThat(actual)
                    .as("run %d, budget %d", run, limit)
                    .isLessThanOrEqualTo(limit)
                    .isEqualTo(fitted.tokens());
            assertThat(fitted.report().tokensBefore()).isEqualTo(MEASURE.tokens(alert, results));
            if (fitted.report().trimmed()) {
                trimmedCases++;
            }
        }
        assertThat(trimmedCases)
                .as("the generated contexts were large enough to need trimming")
                .isGreaterThan(250);
    }

    @Test
    void unlimitedLeavesEvenAHugeContextAsItIs() {
        Random random = new Random(7);
        IncidentAlert alert = IncidentAlert.of(
                "S3AccessError", "Access Denied", "AccessDenied", "data-processor", "2026-11-23T08:00:00Z");
        List<CollectorResult> results = List.of(logs(random), role(random), configuration(random));

        TokenBudget.Fitted fitted = new TokenBudget(0).fit(alert, results, TRIM_ORDER, MEASURE);

        assertThat(fitted.results()).isEqualTo(results);
        assertThat(fitted.tokens()).isGreaterThan(3000).isEqualTo(MEASURE.tokens(alert, results));
        assertThat(fitted.report().unlimited()).isTrue();
    }

    private static CollectorResult logs(Random random) {
        List<ContextEntry> lines = new ArrayList<>();
        for (int i = 0; i < 20 + random.nextInt(200); i++) {
            lines.add(new ContextEntry(
                    random.nextInt(5) == 0 ? Relevance.FAILURE : Relevance.BACKGROUND,
                    Map.of(
                            "timestamp",
                            "2026-11-23T07:5" + random.nextInt(10) + ":00Z",
                            "message",
                            text(random, 1 + random.nextInt(900)))));
        }
        return CollectorResult.gathered(
                "cloudwatch-logs",
                Map.of("logGroup", "/aws/lambda/data-processor", "redactions", random.nextInt(4)),
                lines,
                false);
    }

    private static CollectorResult role(Random random) {
        List<ContextEntry> statements = new ArrayList<>();
        for (int i = 0; i < random.nextInt(40); i++) {
            statements.add(new ContextEntry(
                    random.nextBoolean() ? Relevance.FAILURE : Relevance.BACKGROUND,
                    Map.of(
                            "policy",
                            "inline-" + i,
                            "statement",
                            Map.of(
                                    "Effect",
                                    "Allow",
                                    "Action",
                                    List.of("s3:GetObject", text(random, 30)),
                                    "Resource",
                                    text(random, 200)))));
        }
        return CollectorResult.gathered(
                "iam-role",
                Map.of(
                        "roleArn",
                        "arn:aws:iam::123456789012:role/data-processor-role",
                        "attachedPolicies",
                        List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")),
                statements,
                false);
    }

    private static CollectorResult configuration(Random random) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("FunctionName", "data-processor");
        data.put("Runtime", "python3.12");
        data.put("Description", text(random, random.nextInt(1500)));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < random.nextInt(60); i++) {
            keys.add("SETTING_" + i);
        }
        data.put("EnvironmentKeys", keys);
        return CollectorResult.gathered("lambda-configuration", data);
    }

    private static String text(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(3) == 0 ? "" : " ");
        }
        return text.length() == 0 ? "x" : text.toString();
    }
}

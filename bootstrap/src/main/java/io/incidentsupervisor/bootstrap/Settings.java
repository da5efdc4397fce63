package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.aws.episode.DynamoDbEpisodes;
import io.incidentsupervisor.adapter.aws.eventstore.EventStoreTables;
import io.incidentsupervisor.adapter.aws.intake.DynamoDbRejectedAlerts;
import io.incidentsupervisor.adapter.aws.projection.ProjectionTables;
import io.incidentsupervisor.domain.budget.TokenBudget;
import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.InvalidConfiguration;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the service reads from its environment, validated once at start-up: a bad value fails with a message that
 * names the variable. AWS endpoints are not here: the SDK reads {@code AWS_ENDPOINT_URL_<SERVICE>} itself.
 */
public record Settings(
        String region,
        String eventsTable,
        String snapshotsTable,
        String stateTable,
        String contextTable,
        String rejectedTable,
        String episodesTable,
        TokenBudget tokenBudget,
        Set<String> supervisedFunctions,
        Map<String, String> logGroupOverrides,
        Duration staleThreshold,
        Duration logWindowBefore,
        Duration logWindowAfter,
        Duration changeLookBack,
        Duration rejectedRetention,
        EpisodeWindow episodeWindow,
        boolean organizationEvents,
        String eventBus,
        String chatTopicArn) {

    private static final Pattern FUNCTION_NAME = IncidentAlert.LAMBDA_NAME;

    public static Settings from(Map<String, String> environment) {
        return from(environment, functions(environment.get("SUPERVISED_FUNCTIONS")));
    }

    /** For reading the stored incidents only: no function is supervised, so none need be named. */
    public static Settings forReading(Map<String, String> environment) {
        return from(environment, Set.of());
    }

    private static Settings from(Map<String, String> environment, Set<String> supervisedFunctions) {
        return new Settings(
                region(environment.get("AWS_REGION")),
                environment.getOrDefault("EVENTS_TABLE", EventStoreTables.DEFAULT.events()),
                environment.getOrDefault("SNAPSHOTS_TABLE", EventStoreTables.DEFAULT.snapshots()),
                environment.getOrDefault("STATE_TABLE", ProjectionTables.DEFAULT.states()),
                environment.getOrDefault("CONTEXT_TABLE", ProjectionTables.DEFAULT.contexts()),
                environment.getOrDefault("REJECTED_TABLE", DynamoDbRejectedAlerts.DEFAULT_TABLE),
                environment.getOrDefault("EPISODES_TABLE", DynamoDbEpisodes.DEFAULT_TABLE),
                tokenBudget(environment.get("TOKEN_BUDGET")),
                supervisedFunctions,
                logGroups(environment.get("LOG_GROUP_OVERRIDES")),
                duration("STALE_THRESHOLD", environment.get("STALE_THRESHOLD"), Duration.ofSeconds(60)),
                duration("LOG_WINDOW_BEFORE", environment.get("LOG_WINDOW_BEFORE"), Duration.ofMinutes(10)),
                duration("LOG_WINDOW_AFTER", environment.get("LOG_WINDOW_AFTER"), Duration.ofMinutes(1)),
                duration("CHANGE_LOOK_BACK", environment.get("CHANGE_LOOK_BACK"), Duration.ofHours(24)),
                duration(
                        "REJECTED_RETENTION",
                        environment.get("REJECTED_RETENTION"),
                        DynamoDbRejectedAlerts.DEFAULT_RETENTION),
                episodeWindow(environment.get("EPISODE_WINDOW")),
                flag("ORGANIZATION_EVENTS", environment.get("ORGANIZATION_EVENTS")),
                eventBus(environment.get("EVENT_BUS")),
                chatTopic(environment.get("CHAT_TOPIC_ARN")));
    }

    /** The bus lifecycle events go to, by name or ARN; empty (absent) where nothing publishes them. */
    private static String eventBus(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String bus = value.trim();
        if (!bus.matches(
                "[A-Za-z0-9._\\-/]{1,256}|arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/[A-Za-z0-9._\\-/]+")) {
            throw new InvalidConfiguration(
                    "EVENT_BUS", "is '" + value + "', which is neither an event bus name nor its ARN");
        }
        return bus;
    }

    /** The SNS topic chat notifications go to; empty (absent) for none. */
    private static String chatTopic(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        if (!value.trim().matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}")) {
            throw new InvalidConfiguration("CHAT_TOPIC_ARN", "is '" + value + "', which is not an SNS topic ARN");
        }
        return value.trim();
    }

    /** Absent means false; anything but {@code true} or {@code false} is refused. */
    private static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidConfiguration(name, "must be true or false, not '" + value + "'");
        };
    }

    private static String region(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfiguration(
                    "AWS_REGION",
                    "must name the region of the tables and the supervised functions, e.g. eu-west-1 (Lambda sets it)");
        }
        if (!value.trim().matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new InvalidConfiguration(
                    "AWS_REGION", "is '" + value + "', which is not a region name such as eu-west-1");
        }
        return value.trim();
    }

    /** Absent means {@value TokenBudget#DEFAULT}; anything but 0 (unlimited) or a whole number of at least 500 is refused. */
    private static TokenBudget tokenBudget(String value) {
        if (value == null || value.isBlank()) {
            return new TokenBudget(TokenBudget.DEFAULT);
        }
        int limit;
        try {
            limit = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidConfiguration(
                    "TOKEN_BUDGET", "must be a whole number of tokens (0 for unlimited), not '" + value + "'");
        }
        if (limit < 0) {
            throw new InvalidConfiguration("TOKEN_BUDGET", "must not be negative: " + limit + " (0 means unlimited)");
        }
        if (limit != 0 && limit < TokenBudget.MINIMUM) {
            throw new InvalidConfiguration(
                    "TOKEN_BUDGET",
                    "must be 0 (unlimited) or at least " + TokenBudget.MINIMUM + " tokens, not " + limit);
        }
        return new TokenBudget(limit);
    }

    private static Set<String> functions(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidConfiguration(
                    "SUPERVISED_FUNCTIONS", "must list the supervised function names, comma-separated");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : value.split(",", -1)) {
            String trimmed = name.trim();
            if (!FUNCTION_NAME.matcher(trimmed).matches()) {
                throw new InvalidConfiguration(
                        "SUPERVISED_FUNCTIONS", "holds '" + trimmed + "', which is not a Lambda function name");
            }
            names.add(trimmed);
        }
        return Set.copyOf(names);
    }

    private static Map<String, String> logGroups(String value) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return overrides;
        }
        for (String pair : value.split(",", -1)) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2
                    || !FUNCTION_NAME.matcher(parts[0].trim()).matches()
                    || !parts[1].trim().startsWith("/")) {
                throw new InvalidConfiguration(
                        "LOG_GROUP_OVERRIDES",
                        "must be function=/log/group pairs, comma-separated; '" + pair + "' is not");
            }
            overrides.put(parts[0].trim(), parts[1].trim());
        }
        return Map.copyOf(overrides);
    }

    /** How long an incident keeps taking its failure's alerts after the latest: 15 minutes unless set, at most a day. */
    private static EpisodeWindow episodeWindow(String value) {
        Duration quiet = duration("EPISODE_WINDOW", value, Duration.ofMinutes(15));
        try {
            return new EpisodeWindow(quiet);
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidConfiguration("EPISODE_WINDOW", "is out of range: " + outOfRange.getMessage());
        }
    }

    private static Duration duration(String setting, String value, Duration fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = value.trim().matches("\\d+")
                    ? Duration.ofSeconds(Long.parseLong(value.trim()))
                    : Duration.parse(value.trim());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidConfiguration(
                    setting, "must be whole seconds or an ISO-8601 duration such as PT1M, not '" + value + "'");
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new InvalidConfiguration(setting, "must be positive, not " + value);
        }
        return parsed;
    }
}

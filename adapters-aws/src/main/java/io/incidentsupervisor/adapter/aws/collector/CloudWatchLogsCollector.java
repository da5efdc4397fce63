package io.incidentsupervisor.adapter.aws.collector;

import io.incidentsupervisor.adapter.aws.AwsFailure;
import io.incidentsupervisor.application.port.out.ContextCollector;
import io.incidentsupervisor.domain.model.CollectorError;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ConsoleLinks;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextEntry.Relevance;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.SecretRedactor;
import io.incidentsupervisor.domain.model.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * The failing function's log lines around the incident. FilterLogEvents pages oldest first, so every page of the window
 * is read: the newest {@value #NEWEST_KEPT} lines are kept, and so is every line that carries the error (up to
 * {@value #MAX_FAILURE_LINES}), however old. Secret-looking values are redacted and each message is capped. Each line
 * has an id within the incident ({@code logs:1} is the oldest kept) and a console link to the event.
 */
public final class CloudWatchLogsCollector implements ContextCollector {

    public static final String NAME = "cloudwatch-logs";
    static final int NEWEST_KEPT = 30;
    static final int MAX_FAILURE_LINES = 200;
    /** Bounds the time and memory one incident can cost: 50 pages of up to 10,000 events each. */
    static final int MAX_PAGES = 50;

    private final CloudWatchLogsClient logs;
    private final Map<String, String> logGroupOverrides;
    private final Duration before;
    private final Duration after;

    /**
     * @param logGroupOverrides log group per function name, for functions that do not log to {@code /aws/lambda/{name}}
     * @param before how far before the incident the window opens
     * @param after how far after the incident it closes
     */
    public CloudWatchLogsCollector(
            CloudWatchLogsClient logs, Map<String, String> logGroupOverrides, Duration before, Duration after) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.logGroupOverrides = Map.copyOf(logGroupOverrides);
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CollectorResult collect(IncidentAlert alert) {
        String logGroup = logGroupOverrides.getOrDefault(alert.lambdaName(), "/aws/lambda/" + alert.lambdaName());
        Instant from = alert.timestamp().minus(before);
        Instant to = alert.timestamp().plus(after);
        try {
            boolean exists = logs.describeLogGroups(b -> b.logGroupNamePrefix(logGroup)).logGroups().stream()
                    .anyMatch(group -> group.logGroupName().equals(logGroup));
            if (!exists) {
                return CollectorResult.failed(
                        NAME,
                        new CollectorError(
                                "NotFound", "LogGroupNotFound", "Log group " + logGroup + " does not exist"));
            }
            Deque<FilteredLogEvent> newest = new ArrayDeque<>();
            Deque<FilteredLogEvent> failureLines = new ArrayDeque<>();
            long scanned = 0;
            int pages = 0;
            String nextToken = null;
            do {
                String token = nextToken;
                FilterLogEventsResponse page = logs.filterLogEvents(b -> b.logGroupName(logGroup)
                        .startTime(from.toEpochMilli())
                        .endTime(to.toEpochMilli())
                        .nextToken(token));
                for (FilteredLogEvent event : page.events()) {
                    scanned++;
                    keepNewest(newest, event, NEWEST_KEPT);
                    if (carriesTheError(event.message(), alert)) {
                        keepNewest(failureLines, event, MAX_FAILURE_LINES);
                    }
                }
                nextToken = page.nextToken();
                pages++;
            } while (nextToken != null && pages < MAX_PAGES);

            String region = logs.serviceClientConfiguration().region().id();
            return result(alert, region, logGroup, from, to, newest, failureLines, scanned, nextToken != null);
        } catch (SdkException e) {
            return CollectorResult.failed(NAME, AwsFailure.of(e).toCollectorError());
        }
    }

    private static CollectorResult result(
            IncidentAlert alert,
            String region,
            String logGroup,
            Instant from,
            Instant to,
            Deque<FilteredLogEvent> newest,
            Deque<FilteredLogEvent> failureLines,
            long scanned,
            boolean scanStopped) {
        Map<String, FilteredLogEvent> kept = new LinkedHashMap<>();
        failureLines.forEach(event -> kept.put(key(event), event));
        newest.forEach(event -> kept.put(key(event), event));
        List<FilteredLogEvent> ordered = new ArrayList<>(kept.values());
        ordered.sort(Comparator.comparingLong(FilteredLogEvent::timestamp));

        int redactions = 0;
        int cut = 0;
        List<ContextEntry> entries = new ArrayList<>();
        for (FilteredLogEvent event : ordered) {
            SecretRedactor.Redacted redacted =
                    SecretRedactor.redact(event.message().strip());
            redactions += redacted.count();
            String message = Text.capped(redacted.text(), Text.SHORT);
            if (message.length() < redacted.text().length()) {
                cut++;
            }
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("id", "logs:" + (entries.size() + 1));
            line.put("timestamp", Instant.ofEpochMilli(event.timestamp()).toString());
            line.put("logStream", event.logStreamName());
            line.put("consoleLink", ConsoleLinks.logEvent(region, logGroup, event.logStreamName(), event.timestamp()));
            line.put("message", message);
            entries.add(new ContextEntry(
                    carriesTheError(event.message(), alert) ? Relevance.FAILURE : Relevance.BACKGROUND, line));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("logGroup", logGroup);
        data.put("from", from.toString());
        data.put("to", to.toString());
        data.put("eventsInWindow", scanned);
        data.put("eventsKept", entries.size());
        data.put("redactedValues", redactions);
        boolean truncated =
                scanStopped || cut > 0 || failureLines.size() == MAX_FAILURE_LINES || scanned > entries.size();
        if (scanStopped) {
            data.put("scanStoppedAfterPages", MAX_PAGES);
        }
        return CollectorResult.gathered(NAME, data, entries, truncated);
    }

    private static void keepNewest(Deque<FilteredLogEvent> kept, FilteredLogEvent event, int limit) {
        kept.addLast(event);
        if (kept.size() > limit) {
            kept.removeFirst();
        }
    }

    static boolean carriesTheError(String message, IncidentAlert alert) {
        return message.contains("ERROR")
                || message.contains("Exception")
                || message.contains("AccessDenied")
                || (alert.errorCode().length() >= 3 && message.contains(alert.errorCode()));
    }

    private static String key(FilteredLogEvent event) {
        return event.eventId() != null
                ? event.eventId()
                : event.logStreamName() + "@" + event.timestamp() + "#"
                        + event.message().hashCode();
    }
}

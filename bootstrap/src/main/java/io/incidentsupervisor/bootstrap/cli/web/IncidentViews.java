package io.incidentsupervisor.bootstrap.cli.web;

import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.port.in.AgentVerdict;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.ReadIncidentForAgent;
import io.incidentsupervisor.application.port.out.IncidentStateRow;
import io.incidentsupervisor.application.port.out.RootCause;
import io.incidentsupervisor.bootstrap.cli.Timeline;
import io.incidentsupervisor.domain.model.CollectorFinished;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentStatus;
import io.incidentsupervisor.domain.model.InvestigationFailed;
import io.incidentsupervisor.domain.model.InvestigationRetried;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import io.incidentsupervisor.domain.model.Occurrences;
import io.incidentsupervisor.domain.model.TruncationReport;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the page's view of an incident from its history alone: what an audit replays is what the page shows. */
public final class IncidentViews {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'").withZone(ZoneOffset.UTC);

    private IncidentViews() {}

    /** The page of one incident; {@code listHref} links back to the list, null for a report that stands alone. */
    public static IncidentView of(
            String incidentId, List<AuditEntry> history, Optional<IncidentStateRow> state, String listHref) {
        IncidentAlert alert = null;
        AgentVerdict verdict = null;
        ContextGathered gathered = null;
        Map<Integer, Instant> attemptStarts = new LinkedHashMap<>();
        int attempts = 0;
        List<IncidentView.Row> rows = new ArrayList<>();
        Instant first = history.isEmpty() ? null : history.get(0).timestamp();
        Instant previous = first;
        for (AuditEntry entry : history) {
            IncidentEvent event = entry.event();
            int lane = attempt(event);
            attempts = Math.max(attempts, lane);
            String summary = Timeline.describe(event);
            if (event instanceof IncidentReceived received) {
                alert = received.alert();
            } else if (event instanceof InvestigationStarted started) {
                attemptStarts.put(started.attempt(), started.startedAt());
            } else if (event instanceof CollectorFinished finished && attemptStarts.containsKey(lane)) {
                summary += "; finished " + offset(Duration.between(attemptStarts.get(lane), finished.finishedAt()))
                        + " after the attempt started";
            } else if (event instanceof ContextGathered context) {
                gathered = context;
            } else if (event instanceof IncidentDiagnosed diagnosed) {
                verdict = AgentVerdict.of(diagnosed.diagnosis());
            }
            rows.add(new IncidentView.Row(
                    entry.sequence(),
                    entry.timestamp().toString(),
                    UTC.format(entry.timestamp()),
                    "T+" + offset(Duration.between(first, entry.timestamp())),
                    entry.sequence() == history.get(0).sequence()
                            ? "—"
                            : "+" + offset(Duration.between(previous, entry.timestamp())),
                    lane,
                    entry.type(),
                    summary,
                    event instanceof InvestigationFailed || event instanceof InvestigationRetried,
                    entry.metadata().entrySet().stream()
                            .map(meta -> meta.getKey() + ": " + meta.getValue())
                            .sorted()
                            .toList()));
            previous = entry.timestamp();
        }
        List<String> lanes = new ArrayList<>(List.of("Incident"));
        for (int attempt = 1; attempt <= attempts; attempt++) {
            lanes.add("Attempt " + attempt);
        }
        IncidentStatus status = state.map(IncidentStateRow::status).orElse(IncidentStatus.ABSENT);
        Incident replayed =
                Incident.replay(history.stream().map(AuditEntry::event).toList());
        Occurrences alerts = replayed.occurrences();
        Optional<RootCause> cause = RootCause.of(replayed.diagnosis());
        return new IncidentView(
                incidentId,
                listHref,
                badge(status),
                alert == null ? "" : alert.errorType(),
                alert == null ? "" : alert.errorCode(),
                alert == null ? "" : alert.errorMessage(),
                alert == null ? "" : alert.lambdaName(),
                alert == null ? "" : UTC.format(alert.timestamp()),
                alerts.count() == 1
                        ? "1 alert"
                        : alerts.count() + " alerts, the first at " + UTC.format(alerts.firstSeen()) + ", the last at "
                                + UTC.format(alerts.lastSeen()),
                cause.map(RootCause::eventId).orElse(""),
                listHref == null
                        ? null
                        : cause.map(change -> PageServer.causeHref(change.eventId()))
                                .orElse(null),
                verdict,
                lanes,
                rows,
                gathered == null ? List.of() : sources(gathered.context().results()),
                gathered == null
                        ? List.of()
                        : reports(
                                gathered.context().truncation(),
                                gathered.context().results()));
    }

    public static IncidentView.StatusBadge badge(IncidentStatus status) {
        return switch (status) {
            case CONTEXT_GATHERED -> new IncidentView.StatusBadge("context gathered", "✓", "done");
            case FAILED -> new IncidentView.StatusBadge("failed", "✗", "failed");
            case INVESTIGATING -> new IncidentView.StatusBadge("investigating", "…", "open");
            case RECEIVED -> new IncidentView.StatusBadge("received", "•", "open");
            case ABSENT -> new IncidentView.StatusBadge("no state row", "?", "unknown");
        };
    }

    public static String utc(Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** Said above the evidence, as in every agent's answer. */
    public static String untrusted() {
        return "Evidence is " + ReadIncidentForAgent.EVIDENCE_IS_UNTRUSTED + ".";
    }

    private static int attempt(IncidentEvent event) {
        if (event instanceof InvestigationStarted started) {
            return started.attempt();
        }
        if (event instanceof CollectorFinished finished) {
            return finished.attempt();
        }
        if (event instanceof ContextGathered gathered) {
            return gathered.attempt();
        }
        if (event instanceof InvestigationFailed failed) {
            return failed.attempt();
        }
        if (event instanceof IncidentDiagnosed diagnosed) {
            return diagnosed.attempt();
        }
        if (event instanceof InvestigationRetried retried) {
            return retried.abandonedAttempt();
        }
        return 0;
    }

    private static List<IncidentView.Source> sources(List<CollectorResult> results) {
        List<IncidentView.Source> sources = new ArrayList<>();
        for (CollectorResult result : results) {
            List<IncidentView.Field> summary = new ArrayList<>();
            result.data().forEach((key, value) -> summary.add(new IncidentView.Field(key, text(value))));
            List<IncidentView.Item> items = new ArrayList<>();
            for (ContextEntry entry : result.entries()) {
                Map<String, Object> content = new LinkedHashMap<>(entry.content());
                Object id = content.remove("id");
                Object link = content.remove("consoleLink");
                Object message = content.remove("message");
                String rest = content.isEmpty() ? "" : text(content);
                items.add(new IncidentView.Item(
                        id == null ? "" : id.toString(),
                        message == null ? rest : message + (rest.isEmpty() ? "" : "\n" + rest),
                        consoleLink(link)));
            }
            String outcome = result.succeeded()
                    ? (result.truncated() ? "gathered, cut to the budget" : "gathered")
                    : "failed: " + result.error().kind() + ": " + result.error().message();
            sources.add(new IncidentView.Source(result.source(), outcome, summary, items));
        }
        return sources;
    }

    /** Only links to the AWS console become links; anything else, a {@code javascript:} URL above all, stays text. */
    static String consoleLink(Object link) {
        if (link instanceof String url && url.startsWith("https://") && url.contains(".console.aws.amazon.com/")) {
            return url;
        }
        return null;
    }

    private static List<String> reports(TruncationReport truncation, List<CollectorResult> results) {
        List<String> lines = new ArrayList<>();
        if (truncation != null) {
            lines.add("Budget " + truncation.budget() + " tokens (" + truncation.tokenizer() + "): "
                    + truncation.tokensBefore() + " before, " + truncation.tokensAfter() + " after.");
            truncation
                    .droppedEntries()
                    .forEach((source, count) ->
                            lines.add("Dropped " + count + " item(s) of " + source + ", the oldest first."));
            truncation.droppedSources().forEach(source -> lines.add("Dropped " + source + " whole."));
            if (truncation.cappedStrings() > 0) {
                lines.add("Cut " + truncation.cappedStrings() + " long string(s).");
            }
        }
        for (CollectorResult result : results) {
            Object redacted = result.data().get("redactedValues");
            if (redacted != null) {
                lines.add(result.source() + ": " + redacted + " secret-looking value(s) redacted.");
            }
            if (result.data().get("EnvironmentKeys") instanceof List<?> keys) {
                lines.add(result.source() + ": the values of " + keys.size()
                        + " environment variable(s) dropped; only their names are kept.");
            }
        }
        return lines;
    }

    private static String text(Object value) {
        if (value instanceof String string) {
            return string;
        }
        try {
            return Json.forAgents().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    /** "0.8 s", "2 min 5 s", "3 h 2 min". */
    static String offset(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}

package io.incidentsupervisor.bootstrap.cli.web;

import io.incidentsupervisor.application.port.in.AgentVerdict;
import java.util.List;

/**
 * Everything the incident page shows, already in words: the alert, the verdict, the timeline with a lane per attempt,
 * the evidence with its ids and links, and the truncation and redaction reports; its alerts, and the change its verdict
 * blames with the link to that change's group (none on a report that stands alone). The template escapes every string.
 */
public record IncidentView(
        String incidentId,
        String listHref,
        StatusBadge status,
        String errorType,
        String errorCode,
        String errorMessage,
        String lambdaName,
        String failedAt,
        String episode,
        String causeEventId,
        String causeHref,
        AgentVerdict verdict,
        List<String> lanes,
        List<Row> timeline,
        List<Source> evidence,
        List<String> reports) {

    /** One event: its position, UTC time, offsets, lane (0 is the incident's own, n is attempt n), and what it says. */
    public record Row(
            long sequence,
            String isoTime,
            String time,
            String sinceFirst,
            String sincePrevious,
            int lane,
            String type,
            String summary,
            boolean failure,
            List<String> metadata) {}

    /** What one collector returned: its outcome, its summary fields and its items. */
    public record Source(String name, String outcome, List<Field> summary, List<Item> items) {}

    public record Field(String key, String value) {}

    /** One evidence item: its id, its text, and its console link when it is an https link to the AWS console. */
    public record Item(String id, String text, String link) {}

    /** A status in words, with a mark that does not rely on colour. */
    public record StatusBadge(String name, String mark, String cssClass) {}
}

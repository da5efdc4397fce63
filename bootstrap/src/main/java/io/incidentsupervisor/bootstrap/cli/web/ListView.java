package io.incidentsupervisor.bootstrap.cli.web;

import java.util.List;

/** The incident list: the filters as chosen, one row per incident, and the next page's link when there is one. */
public record ListView(
        String store, List<String> statuses, String status, String function, List<Row> rows, String nextHref) {

    public record Row(
            String incidentId,
            String href,
            IncidentView.StatusBadge status,
            String errorType,
            int attempt,
            int occurrences,
            String lastSeen,
            String updatedAt,
            String error,
            String causeEventId,
            String causeHref) {}
}

package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.bootstrap.cli.web.IncidentViews;
import io.incidentsupervisor.bootstrap.cli.web.Pages;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import io.incidentsupervisor.domain.model.TruncationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A history whose log line carries a payload, with a {@code javascript:} URL where a console link would be: the sample
 * account's logs are fixed, so this history is made by hand, of the same events the store replays.
 */
final class HostileHistory {

    private HostileHistory() {}

    static Path writePage(Path file, String payload) throws IOException {
        Instant at = Instant.parse("2026-11-23T09:30:00Z");
        IncidentAlert alert =
                IncidentAlert.of("S3AccessError", payload, "AccessDenied", "data-processor", at.toString());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", "logs:1");
        line.put("timestamp", at.toString());
        line.put("consoleLink", "javascript:window.pwned='console'");
        line.put("message", payload);
        CollectorResult logs = CollectorResult.gathered(
                "cloudwatch-logs",
                Map.of("logGroup", "/aws/lambda/data-processor", "redactedValues", 0),
                List.of(new ContextEntry(ContextEntry.Relevance.FAILURE, line)),
                false);
        EnrichedContext context = new EnrichedContext(
                alert,
                List.of(logs),
                at,
                120,
                new TruncationReport("o200k_base", 4000, 120, 120, Map.of(), List.of(), 0));
        List<AuditEntry> history = List.of(
                new AuditEntry(
                        0, at, "IncidentReceived", new IncidentReceived(alert.incidentId(), alert, at), Map.of()),
                new AuditEntry(
                        1,
                        at,
                        "InvestigationStarted",
                        new InvestigationStarted(alert.incidentId(), 1, at, at.plusSeconds(60)),
                        Map.of()),
                new AuditEntry(
                        2,
                        at.plusSeconds(1),
                        "ContextGathered",
                        new ContextGathered(alert.incidentId(), 1, context, at.plusSeconds(1)),
                        Map.of()));
        String page =
                new Pages().incident(IncidentViews.of(alert.incidentId().value(), history, Optional.empty(), null));
        return Files.writeString(file, page, StandardCharsets.UTF_8);
    }
}

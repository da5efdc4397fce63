package io.incidentsupervisor.application.lifecycle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentsupervisor.application.Json;
import io.incidentsupervisor.application.port.in.AgentVerdict;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.application.port.in.ListLifecycleEvents;
import io.incidentsupervisor.application.port.in.ReadIncidentHistory;
import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.SuspectedChange;
import io.incidentsupervisor.domain.model.ConsoleLinks;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRecurred;
import io.incidentsupervisor.domain.model.InvestigationFailed;
import io.incidentsupervisor.domain.model.InvestigationRetried;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The lifecycle events of an incident, read from its committed history: the one mapping that both publishing and
 * {@code supervisor events} use, so what a consumer gets is what a newcomer sees locally. Each stored event gives at
 * most one lifecycle event, identified by the incident id and its sequence.
 *
 * <ul>
 *   <li>{@code Incident Opened}: the first alert ({@code IncidentReceived});
 *   <li>{@code Incident Recurred}: a repeat alert ({@code IncidentRecurred}), throttled to the 2nd, 5th, 10th, 20th,
 *       50th… alert (a 1-2-5 series): a storm of n alerts gives about 3·log10(n) events;
 *   <li>{@code Incident Diagnosed}: a verdict ({@code IncidentDiagnosed}), carrying it;
 *   <li>{@code Investigation Failed}: an attempt that failed ({@code InvestigationFailed});
 *   <li>{@code Incident Stale}: an attempt abandoned because its lease passed, found by recovery
 *       ({@code InvestigationRetried} of an attempt that had not failed).
 * </ul>
 */
public final class LifecycleEvents implements ListLifecycleEvents {

    public static final String SOURCE = "incident-supervisor";
    public static final String VERSION = "1";
    /** EventBridge refuses an entry (source, detail-type, detail and resources together) over 256 KB. */
    public static final int MAX_ENTRY_BYTES = 256 * 1024;
    /** The alert's message is untrusted text of any length: the event carries its start. */
    static final int MAX_MESSAGE_CHARS = 2_000;

    private static final ObjectMapper DETAIL = Json.answers().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private final ReadIncidentHistory history;

    public LifecycleEvents(ReadIncidentHistory history) {
        this.history = Objects.requireNonNull(history, "history");
    }

    @Override
    public List<LifecycleEvent> lifecycleEvents(IncidentId incidentId) {
        return of(history.history(incidentId));
    }

    /** The lifecycle events {@code history} gives, in its order. */
    public static List<LifecycleEvent> of(List<AuditEntry> history) {
        return of(history, MAX_ENTRY_BYTES);
    }

    /**
     * As {@link #of(List)}, each entry at most {@code maxEntryBytes}. A verdict is bounded (at most 5 denials, 3
     * simulations, 10 gaps, a 10 KB document), so the cut is a safety net that a real verdict does not reach.
     */
    static List<LifecycleEvent> of(List<AuditEntry> history, int maxEntryBytes) {
        List<LifecycleEvent> events = new ArrayList<>();
        String errorType = "";
        int occurrences = 0;
        boolean attemptFailed = false;
        for (AuditEntry entry : history) {
            Map<String, Object> detail = new LinkedHashMap<>();
            String type = null;
            if (entry.event() instanceof IncidentReceived received) {
                errorType = received.alert().errorType();
                occurrences = 1;
                type = "Incident Opened";
                detail.put("errorCode", received.alert().errorCode());
                detail.put("errorMessage", cut(received.alert().errorMessage()));
                detail.put("errorMessageIsUntrusted", true);
                detail.put("failedAt", received.alert().timestamp());
                detail.put("receivedAt", received.receivedAt());
            } else if (entry.event() instanceof IncidentRecurred recurred) {
                occurrences++;
                if (isNotified(occurrences)) {
                    type = "Incident Recurred";
                    detail.put("occurrences", occurrences);
                    detail.put("failedAt", recurred.failedAt());
                    detail.put("messageId", recurred.messageId());
                }
            } else if (entry.event() instanceof IncidentDiagnosed diagnosed) {
                type = "Incident Diagnosed";
                diagnosed(diagnosed.diagnosis(), detail);
            } else if (entry.event() instanceof InvestigationFailed failed) {
                attemptFailed = true;
                type = "Investigation Failed";
                detail.put("attempt", failed.attempt());
                detail.put("reason", failed.reason());
            } else if (entry.event() instanceof InvestigationRetried retried) {
                if (!attemptFailed) {
                    type = "Incident Stale";
                    detail.put("abandonedAttempt", retried.abandonedAttempt());
                    detail.put("cause", retried.cause());
                }
                attemptFailed = false;
            }
            if (type != null) {
                events.add(event(type, entry, errorType, detail, maxEntryBytes));
            }
        }
        return events;
    }

    /** The sequence of the stored event {@code event} came from: the end of its id. */
    static long sequenceOf(LifecycleEvent event) {
        String id = event.eventId();
        return Long.parseLong(id.substring(id.lastIndexOf('/') + 1));
    }

    /** The 2nd alert, then the 5th, 10th, 20th, 50th, 100th…: each a 1, 2 or 5 times a power of ten. */
    static boolean isNotified(int occurrences) {
        if (occurrences == 2) {
            return true;
        }
        int n = occurrences;
        while (n % 10 == 0) {
            n /= 10;
        }
        return occurrences >= 5 && (n == 1 || n == 2 || n == 5);
    }

    private static void diagnosed(Diagnosis diagnosis, Map<String, Object> detail) {
        detail.put("changeEvidence", diagnosis.changeEvidence());
        if (!diagnosis.denials().isEmpty()) {
            Denial first = diagnosis.denials().get(0);
            detail.put("deniedAction", first.action());
            detail.put("deniedResource", first.resource());
        }
        SuspectedChange change = diagnosis.suspectedChange();
        if (change != null) {
            Map<String, Object> cause = new LinkedHashMap<>();
            cause.put("eventId", change.eventId());
            cause.put("eventName", change.eventName());
            cause.put("actorArn", change.actorArn());
            cause.put("actorType", change.actorType());
            cause.put("time", change.time());
            cause.put("policy", change.policy());
            cause.put("link", ConsoleLinks.cloudTrailEvent(change.eventId()));
            detail.put("cause", cause);
        }
        detail.put("revert", diagnosis.revert());
        detail.put("verdict", AgentVerdict.of(diagnosis));
    }

    private static LifecycleEvent event(
            String type, AuditEntry entry, String errorType, Map<String, Object> specific, int maxEntryBytes) {
        IncidentId id = entry.event().incidentId();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("version", VERSION);
        detail.put("eventId", id.value() + "/" + entry.sequence());
        detail.put("incidentId", id.value());
        detail.put("function", id.lambdaName());
        detail.put("errorType", errorType);
        detail.putAll(specific);
        LifecycleEvent event = new LifecycleEvent(SOURCE, type, entry.timestamp(), DETAIL.valueToTree(detail));
        return bytes(event) <= maxEntryBytes ? event : withoutVerdict(event, maxEntryBytes);
    }

    /** Over the entry limit, the verdict is left out (get_incident has it) and the event says so. */
    private static LifecycleEvent withoutVerdict(LifecycleEvent event, int maxEntryBytes) {
        ObjectNode detail = event.detail().deepCopy();
        detail.remove("verdict");
        detail.putArray("cut").add("verdict");
        LifecycleEvent cut = new LifecycleEvent(event.source(), event.detailType(), event.time(), detail);
        if (bytes(cut) > maxEntryBytes) {
            throw new IllegalStateException(event.eventId() + " exceeds EventBridge's entry limit without its verdict");
        }
        return cut;
    }

    /** What EventBridge counts of an entry: its source, detail-type and detail. */
    static int bytes(LifecycleEvent event) {
        try {
            return event.source().length()
                    + event.detailType().length()
                    + DETAIL.writeValueAsString(event.detail()).getBytes(StandardCharsets.UTF_8).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A lifecycle event could not be written as JSON", e);
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE_CHARS ? text : text.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}

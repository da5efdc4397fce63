package io.incidentsupervisor.application.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.DenialReason;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRecurred;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleEventsTest {

    private static final IncidentAlert ALERT = IncidentAlert.of(
            "S3AccessError",
            "Access Denied for s3:GetObject",
            "AccessDenied",
            "data-processor",
            "2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:01Z");

    private static List<AuditEntry> history(List<IncidentEvent> events) {
        List<AuditEntry> history = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            history.add(new AuditEntry(i, NOW.plusMillis(i), "event", events.get(i), Map.of()));
        }
        return history;
    }

    @Test
    void aStormOfTenThousandAlertsIsToldThirteenTimes() {
        List<IncidentEvent> events = new ArrayList<>(List.of(new IncidentReceived(ALERT.incidentId(), ALERT, NOW)));
        for (int alert = 2; alert <= 10_000; alert++) {
            events.add(new IncidentRecurred(ALERT.incidentId(), "m-" + alert, NOW.plusSeconds(alert), NOW));
        }

        List<LifecycleEvent> told = LifecycleEvents.of(history(events));

        assertThat(told)
                .filteredOn(event -> event.detailType().equals("Incident Recurred"))
                .extracting(event -> event.detail().get("occurrences").asInt())
                .containsExactly(2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000);
        assertThat(told.get(0).detailType()).isEqualTo("Incident Opened");
        assertThat(told.get(1).eventId()).isEqualTo(ALERT.incidentId().value() + "/1");
    }

    /** The largest verdict a diagnosis holds: every list at its cap, every text at IAM's or the alert's maximum. */
    private static Diagnosis largest() {
        List<Denial> denials = new ArrayList<>();
        for (int i = 0; i < Diagnosis.MAX_DENIALS; i++) {
            denials.add(new Denial(
                    "arn:aws:sts::123456789012:assumed-role/r/" + "p".repeat(64),
                    "r".repeat(64),
                    "s3:GetObject",
                    "arn:aws:s3:::bucket/" + "k".repeat(2_000) + i,
                    DenialReason.UNKNOWN,
                    "logs:" + i));
        }
        List<String> gaps = new ArrayList<>();
        for (int i = 0; i < Diagnosis.MAX_GAPS; i++) {
            gaps.add("g".repeat(1_000) + i);
        }
        return new Diagnosis(
                denials,
                "n".repeat(2_000),
                List.of(),
                null,
                "aws iam put-role-policy " + "x".repeat(2_000),
                "d".repeat(Diagnosis.MAX_DOCUMENT_LENGTH),
                Diagnosis.ChangeEvidence.NOT_FOUND,
                null,
                gaps,
                "e".repeat(2_000),
                "s".repeat(Diagnosis.MAX_DOCUMENT_LENGTH));
    }

    private static List<AuditEntry> diagnosedHistory(Diagnosis diagnosis) {
        return history(List.of(
                new IncidentReceived(ALERT.incidentId(), ALERT, NOW),
                new IncidentDiagnosed(ALERT.incidentId(), 1, diagnosis, NOW)));
    }

    @Test
    void theLargestVerdictFitsEventBridgesEntryLimitWhole() {
        LifecycleEvent diagnosed =
                LifecycleEvents.of(diagnosedHistory(largest())).get(1);

        int bytes = LifecycleEvents.bytes(diagnosed);
        System.out.printf(
                "The largest Incident Diagnosed entry: %d bytes of %d%n", bytes, LifecycleEvents.MAX_ENTRY_BYTES);
        assertThat(diagnosed.detail().has("verdict")).isTrue();
        assertThat(bytes).isLessThan(LifecycleEvents.MAX_ENTRY_BYTES);
    }

    @Test
    void aVerdictOverTheEntryLimitIsLeftOutAndTheEventSaysSo() {
        int whole = LifecycleEvents.bytes(
                LifecycleEvents.of(diagnosedHistory(largest())).get(1));

        LifecycleEvent diagnosed =
                LifecycleEvents.of(diagnosedHistory(largest()), whole - 1).get(1);

        assertThat(diagnosed.detail().has("verdict")).isFalse();
        assertThat(diagnosed.detail().get("cut").get(0).asText()).isEqualTo("verdict");
        assertThat(diagnosed.detail().get("deniedAction").asText()).isEqualTo("s3:GetObject");
        assertThat(LifecycleEvents.bytes(diagnosed)).isLessThan(whole);
    }
}

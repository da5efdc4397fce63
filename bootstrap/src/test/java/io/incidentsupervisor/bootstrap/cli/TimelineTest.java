package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.DenialReason;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.SuspectedChange;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Untrusted text in the CLI's text output: a CloudTrail field can neither forge a line nor move the cursor. */
class TimelineTest {

    @Test
    void aCloudTrailUserNameHoldingANewlineAndAFakeEventStaysOnItsOwnLine() {
        String forged = "arn:aws:iam::123456789012:user/ops\n  #9   2026-11-23T08:00:09Z  InvestigationFailed  "
                + "nothing to see\r\u001b[2K\u202e";
        SuspectedChange change = new SuspectedChange(
                "PutRolePolicy", "e-1", Instant.parse("2026-11-23T07:56:00Z"), forged, "IAMUser", "p", "", "why");
        Denial denial = new Denial("", "r", "s3:GetObject", "", DenialReason.UNKNOWN, "alert");
        Diagnosis diagnosis = new Diagnosis(
                List.of(denial), "", List.of(), change, "", "", Diagnosis.ChangeEvidence.FOUND, null, List.of());
        IncidentId id = new IncidentId("data-processor#2026-11-23T08:00:00Z");
        AuditEntry entry = new AuditEntry(
                5,
                Instant.parse("2026-11-23T08:00:04Z"),
                "IncidentDiagnosed",
                new IncidentDiagnosed(id, 1, diagnosis, Instant.parse("2026-11-23T08:00:04Z")),
                Map.of());
        StringWriter text = new StringWriter();

        Timeline.print(List.of(entry), new PrintWriter(text, true));

        assertThat(text.toString().lines()).hasSize(1);
        assertThat(text.toString())
                .contains("user/ops\\n  #9")
                .contains("\\r\\u001b[2K\\u202e")
                .doesNotContain("\u001b")
                .doesNotContain("\r");
    }
}

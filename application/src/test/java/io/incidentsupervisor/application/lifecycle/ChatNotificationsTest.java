package io.incidentsupervisor.application.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentsupervisor.application.port.in.AuditEntry;
import io.incidentsupervisor.application.port.in.LifecycleEvent;
import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.DenialReason;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.SuspectedChange;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentReceived;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chat message of a lifecycle event: Amazon Q's custom-notification schema, one thread per incident, text escaped. */
class ChatNotificationsTest {

    private static final String HOSTILE =
            "Denied [click here](https://evil.example) **now** <b>x</b> `rm -rf` # heading";
    private static final IncidentAlert ALERT =
            IncidentAlert.of("S3AccessError", HOSTILE, "AccessDenied", "data-processor", "2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:01Z");

    private static List<LifecycleEvent> events() {
        Diagnosis diagnosis = new Diagnosis(
                List.of(new Denial(
                        "", "data-processor-role", "s3:GetObject", "arn:aws:s3:::b/k", DenialReason.UNKNOWN, "alert")),
                "",
                List.of(),
                new SuspectedChange(
                        "PutRolePolicy",
                        "e-1",
                        Instant.parse("2026-11-23T07:56:10Z"),
                        "arn:aws:iam::123456789012:user/[evil](https://x)",
                        "IAMUser",
                        "results-write",
                        "",
                        "replaced",
                        List.of(),
                        List.of()),
                "aws iam put-role-policy --role-name data-processor-role --policy-name results-write",
                "",
                Diagnosis.ChangeEvidence.FOUND,
                null,
                List.of(),
                "",
                "");
        return LifecycleEvents.of(List.of(
                new AuditEntry(
                        0, NOW, "IncidentReceived", new IncidentReceived(ALERT.incidentId(), ALERT, NOW), Map.of()),
                new AuditEntry(
                        1,
                        NOW,
                        "IncidentDiagnosed",
                        new IncidentDiagnosed(ALERT.incidentId(), 1, diagnosis, NOW),
                        Map.of())));
    }

    @Test
    void aDiagnosisIsACustomNotificationInTheIncidentsThreadWithTheRevertAsANextStep() {
        JsonNode message = ChatNotifications.of(events().get(1));

        assertThat(message.get("version").asText()).isEqualTo("1.0");
        assertThat(message.get("source").asText()).isEqualTo("custom");
        assertThat(message.at("/content/textType").asText()).isEqualTo("client-markdown");
        assertThat(message.at("/metadata/threadId").asText()).isEqualTo("data-processor#2026-11-23T08:00:00Z");
        assertThat(message.at("/content/title").asText())
                .isEqualTo("Incident Diagnosed: data\\-processor S3AccessError");
        assertThat(message.at("/content/description").asText())
                .contains("**Denied:** s3:GetObject on arn:aws:s3:::b/k")
                .contains("CloudTrail event e\\-1");
        assertThat(message.at("/content/nextSteps/0").asText())
                .startsWith("Undo the change (suggested, never run by the supervisor): aws iam put\\-role\\-policy");
    }

    @Test
    void untrustedTextCannotRenderAsALinkHeadingOrEmphasis() {
        String opened =
                ChatNotifications.of(events().get(0)).at("/content/description").asText();
        String diagnosed =
                ChatNotifications.of(events().get(1)).at("/content/description").asText();

        assertThat(opened)
                .contains(
                        "Denied \\[click here\\]\\(https://evil\\.example\\) \\*\\*now\\*\\* \\<b\\>x\\</b\\> \\`rm \\-rf\\` \\# heading")
                .doesNotContain("[click here](");
        assertThat(diagnosed).contains("user/\\[evil\\]\\(https://x\\)").doesNotContain("[evil](");
    }
}

package io.incidentsupervisor.domain.model;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static io.incidentsupervisor.domain.model.SampleIncidents.T0;
import static io.incidentsupervisor.domain.model.SampleIncidents.gathered;
import static io.incidentsupervisor.domain.model.SampleIncidents.received;
import static io.incidentsupervisor.domain.model.SampleIncidents.recurred;
import static io.incidentsupervisor.domain.model.SampleIncidents.repeat;
import static io.incidentsupervisor.domain.model.SampleIncidents.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentsupervisor.domain.model.EpisodeWindow.Fit;
import io.incidentsupervisor.domain.model.IncidentRefusal.OtherFailure;
import io.incidentsupervisor.domain.model.IncidentRefusal.UnknownIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Repeated alerts of one failure: the signature that makes them one, the window that keeps them so, their count. */
class EpisodeTest {

    private static final Instant LATER = T0.plusSeconds(600);
    private static final String DENIED =
            "User: arn:aws:sts::123456789012:assumed-role/data-processor-role/data-processor"
                    + " is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::orders/2026/11/23.csv"
                    + " because no identity-based policy allows the s3:GetObject action";

    private static IncidentAlert alert(String errorType, String message, String function, String timestamp) {
        return IncidentAlert.of(errorType, message, "AccessDenied", function, timestamp);
    }

    @Test
    void alertsOfOneFunctionErrorTypeAndDenialAreOneFailureWhateverTheirTimeAndWording() {
        FailureSignature first =
                FailureSignature.of(alert("S3AccessError", DENIED, "data-processor", "2026-11-23T08:00:00Z"));
        FailureSignature again = FailureSignature.of(
                alert("S3AccessError", "request 7f3a: " + DENIED, "data-processor", "2026-11-23T08:03:00Z"));
        assertThat(again).isEqualTo(first);
        assertThat(again.key()).isEqualTo(first.key());
        assertThat(first.deniedAction()).isEqualTo("s3:GetObject");
        assertThat(first.deniedResource()).isEqualTo("arn:aws:s3:::orders/2026/11/23.csv");
        assertThat(first.deniedBecause()).isEqualTo("implicit identity-based policy");
    }

    @Test
    void anotherFunctionErrorTypeActionResourceOrReasonIsAnotherFailure() {
        String base = alertKey("S3AccessError", DENIED, "data-processor");
        assertThat(alertKey("S3AccessError", DENIED, "order-exporter")).isNotEqualTo(base);
        assertThat(alertKey("KmsAccessError", DENIED, "data-processor")).isNotEqualTo(base);
        assertThat(alertKey("S3AccessError", DENIED.replace("s3:GetObject", "s3:PutObject"), "data-processor"))
                .isNotEqualTo(base);
        assertThat(alertKey("S3AccessError", DENIED.replace("23.csv", "24.csv"), "data-processor"))
                .isNotEqualTo(base);
        assertThat(alertKey(
                        "S3AccessError",
                        DENIED.replace(
                                "because no identity-based policy allows the s3:GetObject action",
                                "with an explicit deny in a resource-based policy"),
                        "data-processor"))
                .as("denied by another kind of policy: another cause")
                .isNotEqualTo(base);
    }

    @Test
    void theKeyStaysShortForTheLongestResource() {
        String longResource = DENIED.replace("23.csv", "x".repeat(2000));
        String key = alertKey("S3AccessError", longResource, "data-processor");
        assertThat(key).startsWith("data-processor#").hasSizeLessThan(64 + 1 + 44);
    }

    private static String alertKey(String errorType, String message, String function) {
        return FailureSignature.of(alert(errorType, message, function, "2026-11-23T08:00:00Z"))
                .key();
    }

    @Test
    void aRepeatIsRecordedAsAnOccurrenceAndCounted() {
        Incident incident = Incident.replay(List.of(received(), started(1, T0)));
        assertThat(incident.decide(new RecordOccurrence(ID, repeat(180), "m-2", LATER)))
                .containsExactly(
                        new IncidentRecurred(ID, "m-2", ALERT.timestamp().plusSeconds(180), LATER));
        Incident counted =
                Incident.replay(List.of(received(), started(1, T0), recurred("m-2", 180), recurred("m-3", 60)));
        assertThat(counted.occurrences().count()).isEqualTo(3);
        assertThat(counted.occurrences().firstSeen()).isEqualTo(ALERT.timestamp());
        assertThat(counted.occurrences().lastSeen()).isEqualTo(ALERT.timestamp().plusSeconds(180));
        assertThat(counted.status()).isEqualTo(IncidentStatus.INVESTIGATING);
    }

    @Test
    void theFirstAlertCountsAsOne() {
        assertThat(Incident.replay(List.of(received())).occurrences().count()).isEqualTo(1);
    }

    @Test
    void aRedeliveryOrACopyOfACountedAlertIsNotCountedAgain() {
        Incident incident = Incident.replay(List.of(received(), started(1, T0), recurred("m-2", 180)));
        assertThat(incident.decide(new RecordOccurrence(ID, repeat(180), "m-9", LATER)))
                .isEmpty();
        assertThat(incident.decide(new RecordOccurrence(ID, repeat(240), "m-2", LATER)))
                .isEmpty();
        assertThat(incident.decide(new RecordOccurrence(ID, ALERT, "m-1", LATER)))
                .isEmpty();
    }

    @Test
    void twoBranchesOfOneHistoryEachRememberOnlyTheirOwnAlerts() {
        Incident base = Incident.replay(List.of(received(), started(1, T0), recurred("m-2", 60)));
        Incident left = base.evolve(recurred("m-3", 120));
        Incident right = base.evolve(recurred("m-4", 180));

        assertThat(left.occurrences().count()).isEqualTo(3);
        assertThat(right.occurrences().count()).isEqualTo(3);
        assertThat(right.occurrences().lastSeen()).isEqualTo(ALERT.timestamp().plusSeconds(180));
        assertThat(left.decide(new RecordOccurrence(ID, repeat(120), "m-3", LATER)))
                .isEmpty();
        assertThat(right.decide(new RecordOccurrence(ID, repeat(120), "m-3", LATER)))
                .as("the other branch's alert")
                .hasSize(1);
        assertThat(base.decide(new RecordOccurrence(ID, repeat(180), "m-4", LATER)))
                .as("an alert counted after it")
                .hasSize(1);
        assertThat(left.evolve(recurred("m-5", 240)).occurrences().count()).isEqualTo(4);
    }

    @Test
    void tenThousandCountedAlertsAreEachRememberedAndCounted() {
        List<IncidentEvent> history = new java.util.ArrayList<>(List.of(received(), started(1, T0)));
        for (int i = 1; i < 10_000; i++) {
            history.add(recurred("m-" + i, i));
        }
        Incident incident = Incident.replay(history);

        assertThat(incident.occurrences().count()).isEqualTo(10_000);
        assertThat(incident.decide(new RecordOccurrence(ID, repeat(5_000), "m-new", LATER)))
                .isEmpty();
        assertThat(incident.decide(new RecordOccurrence(ID, repeat(20_000), "m-9999", LATER)))
                .isEmpty();
    }

    @Test
    void aClosedIncidentStillCountsItsOccurrences() {
        Incident closed = Incident.replay(List.of(received(), started(1, T0), gathered(1, T0.plusSeconds(5))));
        assertThat(closed.decide(new RecordOccurrence(ID, repeat(60), "m-2", LATER)))
                .hasSize(1);
        assertThat(closed.verdictFinal()).isTrue();
    }

    @Test
    void anotherFailureOrAnUnknownIncidentIsRefused() {
        Incident incident = Incident.replay(List.of(received(), started(1, T0)));
        IncidentAlert other = alert("KmsAccessError", DENIED, "data-processor", "2026-11-23T08:01:00Z");
        assertThatThrownBy(() -> incident.decide(new RecordOccurrence(ID, other, "m-2", LATER)))
                .isInstanceOf(OtherFailure.class);
        assertThatThrownBy(() -> Incident.absent().decide(new RecordOccurrence(ID, repeat(60), "m-2", LATER)))
                .isInstanceOf(UnknownIncident.class);
        assertThatThrownBy(() -> new RecordOccurrence(
                        ID, alert("S3AccessError", DENIED, "order-exporter", "2026-11-23T08:01:00Z"), "m-2", LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWindowHoldsAnAlertUntilTheQuietPeriodAfterTheLatestAlertOrAfterTheFinalVerdictHasPassed() {
        EpisodeWindow window = new EpisodeWindow(Duration.ofMinutes(15));
        Instant first = Instant.parse("2026-11-23T08:00:00Z");
        assertThat(window.fit(first, first, null, first.plus(Duration.ofMinutes(15))))
                .isEqualTo(Fit.TAKES);
        assertThat(window.fit(
                        first, first, null, first.plus(Duration.ofMinutes(15)).plusMillis(1)))
                .isEqualTo(Fit.ENDED);
        Instant last = first.plus(Duration.ofMinutes(40));
        Instant finalAt = first.plus(Duration.ofMinutes(20));
        assertThat(window.fit(first, last, finalAt, finalAt.plus(Duration.ofMinutes(15))))
                .isEqualTo(Fit.TAKES);
        assertThat(window.fit(first, last, finalAt, finalAt.plus(Duration.ofMinutes(16))))
                .isEqualTo(Fit.ENDED);
        assertThat(window.fit(first, last, null, first.minus(Duration.ofMinutes(15))))
                .isEqualTo(Fit.TAKES);
        assertThat(window.fit(first, last, null, first.minus(Duration.ofMinutes(16))))
                .isEqualTo(Fit.BEFORE);
        assertThat(window.openSince(first)).isEqualTo(first.minus(Duration.ofMinutes(15)));
    }

    @Test
    void aWindowIsPositiveAndAtMostADay() {
        assertThatThrownBy(() -> new EpisodeWindow(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EpisodeWindow(Duration.ofDays(2))).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.incidentsupervisor.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentAlertTest {

    private static IncidentAlert alert(String lambdaName, String timestamp) {
        return IncidentAlert.of("S3AccessError", "Access Denied", "AccessDenied", lambdaName, timestamp);
    }

    @Test
    void timestampsAreNormalisedToUtc() {
        assertThat(alert("data-processor", "2026-11-23T10:00:00+02:00").timestamp())
                .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        assertThat(alert("data-processor", "2026-11-23T08:00:00.250Z").timestamp())
                .isEqualTo(Instant.parse("2026-11-23T08:00:00.250Z"));
    }

    @Test
    void aTimestampWithoutOffsetIsTakenAsUtc() {
        assertThat(alert("data-processor", "2026-11-23T08:00:00.123456").timestamp())
                .isEqualTo(Instant.parse("2026-11-23T08:00:00.123456Z"));
    }

    @Test
    void theSameMomentInAnyOffsetIsTheSameIncident() {
        IncidentId id = alert("data-processor", "2026-11-23T09:00:00+01:00").incidentId();
        assertThat(id).isEqualTo(alert("data-processor", "2026-11-23T08:00:00Z").incidentId());
        assertThat(id.value()).isEqualTo("data-processor#2026-11-23T08:00:00Z");
        assertThat(id.lambdaName()).isEqualTo("data-processor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-23", "2026-13-01T00:00:00Z", "1700000000", ""})
    void aTimestampThatIsNotIsoDateTimeIsRejected(String timestamp) {
        assertThatThrownBy(() -> alert("data-processor", timestamp))
                .isInstanceOf(InvalidAlert.class)
                .hasMessageStartingWith("timestamp is")
                .satisfies(
                        e -> assertThat(timestamp.isEmpty() || !e.getMessage().contains(timestamp))
                                .as("the value is not echoed")
                                .isTrue());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "data processor",
                "data.processor",
                "arn:aws:lambda:eu-west-1:123456789012:function:x",
                "fn/../x"
            })
    void aLambdaNameOutsideThePatternIsRejected(String lambdaName) {
        assertThatThrownBy(() -> alert(lambdaName, "2026-11-23T08:00:00Z"))
                .isInstanceOf(InvalidAlert.class)
                .hasMessageStartingWith("lambda_name must match");
    }

    @Test
    void aSixtyFourCharacterNameIsTheLongestAccepted() {
        assertThat(alert("f".repeat(64), "2026-11-23T08:00:00Z").lambdaName()).hasSize(64);
        assertThatThrownBy(() -> alert("f".repeat(65), "2026-11-23T08:00:00Z")).isInstanceOf(InvalidAlert.class);
    }

    @Test
    void everyMissingFieldIsNamed() {
        assertThatThrownBy(() -> IncidentAlert.of(null, "m", "c", "fn", "2026-11-23T08:00:00Z"))
                .hasMessage("error_type is missing");
        assertThatThrownBy(() -> IncidentAlert.of("t", null, "c", "fn", "2026-11-23T08:00:00Z"))
                .hasMessage("error_message is missing");
        assertThatThrownBy(() -> IncidentAlert.of("t", "m", null, "fn", "2026-11-23T08:00:00Z"))
                .hasMessage("error_code is missing");
        assertThatThrownBy(() -> IncidentAlert.of("t", "m", "c", null, "2026-11-23T08:00:00Z"))
                .hasMessage("lambda_name is missing");
        assertThatThrownBy(() -> IncidentAlert.of("t", "m", "c", "fn", null)).hasMessage("timestamp is missing");
        assertThatThrownBy(() -> IncidentAlert.of("t", " ", "c", "fn", "2026-11-23T08:00:00Z"))
                .hasMessage("error_message is blank");
    }

    @Test
    void anOversizedErrorMessageIsRejectedSayingTheBound() {
        String longest = "e".repeat(IncidentAlert.MAX_ERROR_MESSAGE_LENGTH);
        assertThat(IncidentAlert.of("t", longest, "c", "fn", "2026-11-23T08:00:00Z")
                        .errorMessage())
                .isEqualTo(longest);

        assertThatThrownBy(() -> IncidentAlert.of("t", longest + "e", "c", "fn", "2026-11-23T08:00:00Z"))
                .isInstanceOf(InvalidAlert.class)
                .hasMessage("error_message is 4097 characters; at most 4096 are accepted");
    }

    @Test
    void oversizedShortFieldsAreRejected() {
        assertThatThrownBy(() -> IncidentAlert.of("t".repeat(257), "m", "c", "fn", "2026-11-23T08:00:00Z"))
                .hasMessage("error_type is 257 characters; at most 256 are accepted");
        assertThatThrownBy(() -> IncidentAlert.of("t", "m", "c".repeat(257), "fn", "2026-11-23T08:00:00Z"))
                .hasMessage("error_code is 257 characters; at most 256 are accepted");
    }

    @Test
    void aTimestampOutsideTheSaneWindowAroundReceiptIsRejectedWithoutQuotingIt() {
        Instant receivedAt = Instant.parse("2026-11-23T08:00:05Z");
        assertThatThrownBy(
                        () -> alert("data-processor", "+99999-01-01T00:00:00Z").requireTimestampNear(receivedAt))
                .isInstanceOf(InvalidAlert.class)
                .hasMessage("timestamp is more than 24 hours after the time the alert was received");
        assertThatThrownBy(() -> alert("data-processor", "1999-12-31T23:59:59Z").requireTimestampNear(receivedAt))
                .isInstanceOf(InvalidAlert.class)
                .hasMessageStartingWith("timestamp is before 2000-01-01T00:00:00Z")
                .hasMessageNotContaining("1999");
        assertThatThrownBy(() -> alert("data-processor", "2026-11-24T08:00:06Z").requireTimestampNear(receivedAt))
                .isInstanceOf(InvalidAlert.class);
    }

    @Test
    void aTimestampWithinTheWindowIsAccepted() {
        Instant receivedAt = Instant.parse("2026-11-23T08:00:05Z");
        alert("data-processor", "2000-01-01T00:00:00Z").requireTimestampNear(receivedAt);
        alert("data-processor", "2026-11-24T08:00:05Z").requireTimestampNear(receivedAt);
        assertThat(alert("data-processor", "2026-11-23T08:00:00Z").timestamp()).isBefore(receivedAt);
    }
}

package io.incidentsupervisor.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncidentIdTest {

    @Test
    void isTheFunctionNameAndTheUtcInstant() {
        IncidentId id = IncidentId.of("data-processor", Instant.parse("2026-11-23T08:00:00.500Z"));
        assertThat(id.value()).isEqualTo("data-processor#2026-11-23T08:00:00.500Z");
        assertThat(new IncidentId(id.value())).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "data-processor",
                "data-processor#",
                "#2026-11-23T08:00:00Z",
                "data processor#2026-11-23T08:00:00Z",
                "data-processor#2026-11-23T09:00:00+01:00",
                "data-processor#2026-11-23T08:00:00.000Z",
                "a#b#2026-11-23T08:00:00Z"
            })
    void anythingElseCannotExist(String value) {
        assertThatThrownBy(() -> new IncidentId(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(value);
    }

    @Test
    void commandsRejectALeaseThatEndsBeforeItStarts() {
        Instant now = Instant.parse("2026-11-23T08:00:00Z");
        IncidentId id = IncidentId.of("data-processor", now);
        assertThatThrownBy(() -> new RecoverInvestigation(id, now, now, java.time.Duration.ofSeconds(60)))
                .hasMessageContaining("A lease must end after it is taken");
        assertThatThrownBy(() -> new RecordContext(id, 0, SampleIncidents.context(now), now))
                .hasMessageContaining("Attempts are numbered from 1");
    }
}

package io.incidentsupervisor.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.SampleIncidents;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of outcome is reported as itself: none falls through to another's name. */
class DeliveriesTest {

    private static final IncidentId ID = SampleIncidents.ID;

    @Test
    void everyPermittedOutcomeIsReportedUnderItsOwnName() {
        List<Outcome> samples = List.of(
                new Outcome.Investigated(
                        ID, 1, SampleIncidents.context(Instant.parse("2026-11-23T08:00:03Z")), Map.of()),
                new Outcome.Duplicate(ID),
                new Outcome.Recurred(ID, 2),
                new Outcome.Refused(
                        ID, new FailureReason("NotSupervised", "not among the supervised functions", false)));
        assertThat(samples.stream().map(Object::getClass).collect(Collectors.toSet()))
                .isEqualTo(Arrays.stream(Outcome.class.getPermittedSubclasses()).collect(Collectors.toSet()));

        for (Outcome outcome : samples) {
            assertThat(Deliveries.delivered("msg-1", outcome).outcome())
                    .isEqualTo(outcome.getClass().getSimpleName());
        }
    }
}

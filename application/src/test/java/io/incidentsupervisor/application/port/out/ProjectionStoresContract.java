package io.incidentsupervisor.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every pair of projection stores must do; each implementation's test extends this with fresh, empty stores. Rows
 * never regress: a row whose sequence the stored one has applied already is ignored, so replays and redeliveries are
 * harmless.
 */
public abstract class ProjectionStoresContract {

    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");
    private static final IncidentId FIRST = new IncidentId("data-processor#2026-11-23T08:00:00Z");
    private static final IncidentId SECOND = new IncidentId("billing#2026-11-23T08:00:01Z");

    /** Fresh, empty stores. */
    protected abstract IncidentStates states();

    /** Fresh, empty stores; called once per test, after {@link #states()}. */
    protected abstract IncidentContexts contexts();

    @Test
    void aStateRowIsReadBackAsWrittenAndNeverRegresses() {
        IncidentStates states = states();
        IncidentStateRow investigating = state(FIRST, IncidentStatus.INVESTIGATING, 3, T.plusSeconds(60));
        IncidentStateRow failed = new IncidentStateRow(
                FIRST,
                "S3AccessError",
                IncidentStatus.FAILED,
                1,
                null,
                T.plusSeconds(5),
                4,
                new FailureReason("Throttled", "slow down", true),
                null,
                null,
                T,
                T,
                1,
                null);

        states.save(investigating);
        states.save(failed);
        states.save(investigating);

        assertThat(states.find(FIRST)).contains(failed);
        assertThat(states.find(SECOND)).isEmpty();
    }

    @Test
    void staleIncidentsAreListedOldestFirstAndOnlyOnceTheirTimeHasCome() {
        IncidentStates states = states();
        states.save(state(FIRST, IncidentStatus.INVESTIGATING, 1, T.plusSeconds(90)));
        states.save(state(SECOND, IncidentStatus.RECEIVED, 0, T.plusSeconds(30)));
        states.save(state(new IncidentId("orders#2026-11-23T08:00:02Z"), IncidentStatus.CONTEXT_GATHERED, 5, null));

        assertThat(states.staleAt(T.plusSeconds(29))).isEmpty();
        assertThat(states.staleAt(T.plusSeconds(30))).containsExactly(SECOND);
        assertThat(states.staleAt(T.plusSeconds(120))).containsExactly(SECOND, FIRST);

        states.save(state(FIRST, IncidentStatus.CONTEXT_GATHERED, 5, null));
        assertThat(states.staleAt(T.plusSeconds(120))).containsExactly(SECOND);
    }

    @Test
    void incidentsWhoseChangeEvidenceIsPendingAreListedSoonestFirstUntilItSettles() {
        IncidentStates states = states();
        states.save(pending(FIRST, 6, T.plusSeconds(900)));
        states.save(pending(SECOND, 6, T.plusSeconds(600)));
        states.save(state(new IncidentId("orders#2026-11-23T08:00:02Z"), IncidentStatus.CONTEXT_GATHERED, 6, null));

        assertThat(states.evidencePending()).containsExactly(SECOND, FIRST);
        assertThat(states.find(FIRST).orElseThrow().evidencePendingUntil()).isEqualTo(T.plusSeconds(900));

        states.save(pending(FIRST, 7, null));
        assertThat(states.evidencePending()).containsExactly(SECOND);
    }

    @Test
    void recentIncidentsAreListedNewestFailureFirstFilteredAndLimited() {
        IncidentStates states = states();
        IncidentId older = new IncidentId("data-processor#2026-11-23T07:00:00Z");
        IncidentId newer = new IncidentId("report-builder#2026-11-23T09:00:00Z");
        states.save(state(FIRST, IncidentStatus.CONTEXT_GATHERED, 6, null));
        states.save(state(older, IncidentStatus.FAILED, 3, null));
        states.save(state(newer, IncidentStatus.INVESTIGATING, 2, T.plusSeconds(60)));

        assertThat(listed(states, IncidentFilter.ANY, 10)).containsExactly(newer, FIRST, older);
        assertThat(listed(states, new IncidentFilter(IncidentStatus.FAILED, null, null, null), 10))
                .containsExactly(older);
        assertThat(listed(states, new IncidentFilter(null, "data-processor", null, null), 10))
                .containsExactly(FIRST, older);
        assertThat(listed(states, new IncidentFilter(null, null, null, Instant.parse("2026-11-23T08:00:00Z")), 10))
                .containsExactly(newer, FIRST);
        assertThat(listed(states, new IncidentFilter(null, null, "DownstreamTimeout", null), 10))
                .isEmpty();

        IncidentPage first = states.recent(IncidentFilter.ANY, null, 2);
        assertThat(first.incidents()).extracting(IncidentStateRow::incidentId).containsExactly(newer, FIRST);
        assertThat(first.next()).isEqualTo(FIRST);
        IncidentPage second = states.recent(IncidentFilter.ANY, first.next(), 2);
        assertThat(second.incidents()).extracting(IncidentStateRow::incidentId).containsExactly(older);
        assertThat(second.next()).as("the last page").isNull();
        assertThat(states.recent(IncidentFilter.ANY, null, 3).next()).isNull();
        assertThat(states.recent(new IncidentFilter(null, "data-processor", null, null), newer, 1)
                        .incidents())
                .extracting(IncidentStateRow::incidentId)
                .containsExactly(FIRST);
    }

    private static List<IncidentId> listed(IncidentStates states, IncidentFilter filter, int limit) {
        IncidentPage page = states.recent(filter, null, limit);
        assertThat(page.next()).as("everything fits one page").isNull();
        return page.incidents().stream().map(IncidentStateRow::incidentId).toList();
    }

    @Test
    void aContextIsReadUntilItExpiresAndNeverRegresses() {
        states();
        IncidentContexts contexts = contexts();
        IncidentContextRow first = context("{\"attempt\":1}", 5);
        IncidentContextRow second = context("{\"attempt\":2}", 9);

        contexts.save(first);
        contexts.save(second);
        contexts.save(first);

        assertThat(contexts.find(FIRST, T.plusSeconds(1))).contains(second);
        assertThat(contexts.find(FIRST, second.expiresAt()))
                .as("expired, whether or not TTL deleted it")
                .isEmpty();
        assertThat(contexts.find(SECOND, T)).isEmpty();
    }

    private static IncidentStateRow state(IncidentId id, IncidentStatus status, long sequence, Instant staleAt) {
        return new IncidentStateRow(
                id,
                "S3AccessError",
                status,
                1,
                staleAt,
                T.plusSeconds(sequence),
                sequence,
                null,
                staleAt,
                null,
                T,
                T,
                1,
                null);
    }

    private static IncidentStateRow pending(IncidentId id, long sequence, Instant until) {
        return new IncidentStateRow(
                id,
                "S3AccessError",
                IncidentStatus.CONTEXT_GATHERED,
                1,
                null,
                T,
                sequence,
                null,
                null,
                until,
                T,
                T,
                1,
                null);
    }

    private static IncidentContextRow context(String json, long sequence) {
        return new IncidentContextRow(FIRST, "S3AccessError", json, T, T.plusSeconds(7 * 24 * 3600), sequence);
    }
}

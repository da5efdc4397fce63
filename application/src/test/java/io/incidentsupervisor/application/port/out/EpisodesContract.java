package io.incidentsupervisor.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.FailureSignature;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every {@link Episodes} must do; each implementation's test extends this with a fresh, empty store. */
public abstract class EpisodesContract {

    protected static final Instant T = Instant.parse("2026-11-23T08:00:00Z");
    private static final EpisodeWindow WINDOW = new EpisodeWindow(Duration.ofMinutes(15));
    private static final FailureSignature FAILURE =
            new FailureSignature("data-processor", "S3AccessError", "s3:GetObject", "arn:aws:s3:::orders/a.csv", "");
    private static final FailureSignature OTHER =
            new FailureSignature("data-processor", "S3AccessError", "s3:PutObject", "arn:aws:s3:::orders/a.csv", "");

    /** A fresh, empty store. */
    protected abstract Episodes episodes();

    private static IncidentId at(long minutes) {
        return IncidentId.of("data-processor", T.plus(Duration.ofMinutes(minutes)));
    }

    private static IncidentId join(Episodes episodes, FailureSignature failure, long minutes) {
        return episodes.join(failure, at(minutes), T.plus(Duration.ofMinutes(minutes)), WINDOW);
    }

    @Test
    void theFirstAlertOpensAnEpisodeAndLaterOnesWithinTheWindowJoinIt() {
        Episodes episodes = episodes();
        assertThat(join(episodes, FAILURE, 0)).isEqualTo(at(0));
        assertThat(join(episodes, FAILURE, 10)).isEqualTo(at(0));
        // The window runs from the latest alert: 10 + 15 minutes.
        assertThat(join(episodes, FAILURE, 25)).isEqualTo(at(0));
        assertThat(join(episodes, OTHER, 5)).isEqualTo(at(5));
    }

    @Test
    void anAlertAfterTheQuietWindowOpensANewEpisode() {
        Episodes episodes = episodes();
        join(episodes, FAILURE, 0);
        assertThat(join(episodes, FAILURE, 16)).isEqualTo(at(16));
        assertThat(join(episodes, FAILURE, 20)).isEqualTo(at(16));
    }

    @Test
    void aLateOrRedeliveredAlertJoinsWithoutMovingTheEpisodeBackAndOneFromBeforeItIsItsOwn() {
        Episodes episodes = episodes();
        join(episodes, FAILURE, 30);
        assertThat(join(episodes, FAILURE, 40)).isEqualTo(at(30));
        assertThat(join(episodes, FAILURE, 35)).isEqualTo(at(30));
        assertThat(join(episodes, FAILURE, 40)).isEqualTo(at(30));
        // Still open until 40 + 15, not 35 + 15.
        assertThat(join(episodes, FAILURE, 54)).isEqualTo(at(30));
        assertThat(join(episodes, FAILURE, 10)).isEqualTo(at(10));
        assertThat(join(episodes, FAILURE, 60)).isEqualTo(at(30));
    }

    @Test
    void aFinalVerdictEndsTheEpisodeOneWindowLaterEvenWhileAlertsGoOn() {
        Episodes episodes = episodes();
        join(episodes, FAILURE, 0);
        episodes.verdictFinal(FAILURE, at(0), T.plus(Duration.ofMinutes(2)));
        for (long minute = 4; minute <= 16; minute += 4) {
            assertThat(join(episodes, FAILURE, minute)).isEqualTo(at(0));
        }
        assertThat(join(episodes, FAILURE, 18)).isEqualTo(at(18));
        // Another incident's final verdict does not touch the new episode.
        episodes.verdictFinal(FAILURE, at(0), T.plus(Duration.ofMinutes(19)));
        assertThat(join(episodes, FAILURE, 30)).isEqualTo(at(18));
    }

    @Test
    void anEpisodeIsTakenOverOnlyFromTheIncidentStillHoldingIt() {
        Episodes episodes = episodes();
        join(episodes, FAILURE, 0);
        assertThat(episodes.takeOver(FAILURE, at(1), at(2), T.plus(Duration.ofMinutes(2))))
                .isFalse();
        assertThat(episodes.takeOver(FAILURE, at(0), at(2), T.plus(Duration.ofMinutes(2))))
                .isTrue();
        assertThat(join(episodes, FAILURE, 3)).isEqualTo(at(2));
    }

    @Test
    void alertsJoiningAtOnceAgreeOnOneIncident() throws Exception {
        Episodes episodes = episodes();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<IncidentId>> alerts = new ArrayList<>();
            for (long second = 0; second < 32; second++) {
                Instant failedAt = T.plusSeconds(second);
                alerts.add(() -> episodes.join(FAILURE, IncidentId.of("data-processor", failedAt), failedAt, WINDOW));
            }
            Set<IncidentId> holders = new HashSet<>();
            for (Future<IncidentId> joined : threads.invokeAll(alerts)) {
                holders.add(joined.get());
            }
            assertThat(holders).hasSize(1);
            assertThat(join(episodes, FAILURE, 1)).isIn(holders);
            assertThat(holders.stream().map(IncidentId::value).collect(Collectors.toSet()))
                    .allMatch(id -> id.startsWith("data-processor#"));
        } finally {
            threads.shutdownNow();
        }
    }
}

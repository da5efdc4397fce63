package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.FailureSignature;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Episodes in a map, one lock around each call, deciding as the DynamoDB store's conditional writes do; for tests. */
public final class InMemoryEpisodes implements Episodes {

    private record Episode(IncidentId incident, Instant firstSeen, Instant lastSeen, Instant finalAt) {}

    private final Map<String, Episode> byFailure = new HashMap<>();

    @Override
    public synchronized IncidentId join(
            FailureSignature failure, IncidentId candidate, Instant failedAt, EpisodeWindow window) {
        Episode open = byFailure.get(failure.key());
        if (open != null) {
            switch (window.fit(open.firstSeen(), open.lastSeen(), open.finalAt(), failedAt)) {
                case TAKES -> {
                    if (failedAt.isAfter(open.lastSeen())) {
                        byFailure.put(
                                failure.key(),
                                new Episode(open.incident(), open.firstSeen(), failedAt, open.finalAt()));
                    }
                    return open.incident();
                }
                case BEFORE -> {
                    return candidate;
                }
                case ENDED -> {
                    // A new episode, claimed below.
                }
            }
        }
        byFailure.put(failure.key(), new Episode(candidate, failedAt, failedAt, null));
        return candidate;
    }

    @Override
    public synchronized boolean takeOver(
            FailureSignature failure, IncidentId absent, IncidentId candidate, Instant failedAt) {
        Episode open = byFailure.get(failure.key());
        if (open == null || !open.incident().equals(absent)) {
            return false;
        }
        byFailure.put(failure.key(), new Episode(candidate, failedAt, failedAt, null));
        return true;
    }

    @Override
    public synchronized void verdictFinal(FailureSignature failure, IncidentId incident, Instant at) {
        Episode open = byFailure.get(failure.key());
        if (open != null && open.incident().equals(incident) && open.finalAt() == null) {
            byFailure.put(failure.key(), new Episode(incident, open.firstSeen(), open.lastSeen(), at));
        }
    }
}

package io.incidentsupervisor.application.port.in;

import java.time.Instant;
import java.util.List;

/** Recovers every incident listed as stale, one after another, while time is left before the deadline. */
public interface RecoverStaleIncidents {

    /** What one run did: how many incidents were stale, recovered, refused (recovered by someone else meanwhile) and failed. */
    record Report(int stale, List<String> recovered, List<String> refused, List<String> failed, int leftForNextRun) {

        public Report {
            recovered = List.copyOf(recovered);
            refused = List.copyOf(refused);
            failed = List.copyOf(failed);
        }
    }

    Report recoverStale(String requestId, Instant deadline);
}

package io.incidentsupervisor.application.port.in;

import java.time.Instant;
import java.util.List;

/**
 * Reads the role's history again for every incident whose change evidence is pending, and records the verdict once
 * the change is found or CloudTrail's delivery delay has passed without it.
 */
public interface RecheckChangeEvidence {

    /** What one run did: the incidents rechecked, those whose change was found, those where none was. */
    record Report(List<String> rechecked, List<String> found, List<String> notFound) {

        public Report {
            rechecked = List.copyOf(rechecked);
            found = List.copyOf(found);
            notFound = List.copyOf(notFound);
        }
    }

    Report recheck(String requestId, Instant deadline);
}

package io.incidentsupervisor.domain.diagnosis;

import java.util.List;
import java.util.Objects;

/**
 * What IAM's policy simulator decided for the role, one action on one resource: {@code allowed}, {@code implicitDeny}
 * or {@code explicitDeny}, and the statements that decided it (their policies' ids).
 */
public record Simulation(String action, String resource, String decision, List<String> matchedStatements) {

    public Simulation {
        Objects.requireNonNull(action, "action");
        resource = resource == null ? "" : resource;
        Objects.requireNonNull(decision, "decision");
        matchedStatements = List.copyOf(matchedStatements);
    }

    public boolean allowed() {
        return "allowed".equals(decision);
    }
}

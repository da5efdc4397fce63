package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.diagnosis.RoleChange;
import java.time.Instant;
import java.util.List;

/** Who changed a role's policies, and when: the role's history of policy changes. */
public interface RoleChanges {

    /**
     * The changes to {@code roleName}'s policies between {@code from} and {@code to}, oldest first, each with the policy
     * document it concerns where one can be read.
     *
     * @throws EvidenceUnavailable when the history cannot be read (access denied, throttled past its retries, …)
     */
    List<RoleChange> of(String roleName, Instant from, Instant to);
}

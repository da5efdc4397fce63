package io.incidentsupervisor.domain.diagnosis;

import java.util.List;
import java.util.Objects;

/** The role a function runs as, and every policy that applies to it now: inline, attached managed, its boundary. */
public record RoleState(String roleName, String roleArn, List<Policy> policies) {

    public RoleState {
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(roleArn, "roleArn");
        policies = List.copyOf(policies);
    }
}

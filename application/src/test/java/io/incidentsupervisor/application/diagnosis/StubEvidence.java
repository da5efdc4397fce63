package io.incidentsupervisor.application.diagnosis;

import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.application.port.out.RoleChanges;
import io.incidentsupervisor.application.port.out.RoleEvidence;
import io.incidentsupervisor.domain.diagnosis.RoleChange;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Evidence for tests: a role, a simulator answer and a history set by the test; unset, each is unavailable. */
public final class StubEvidence implements RoleEvidence, RoleChanges {

    public RoleState role;
    public Simulation simulation;
    public List<RoleChange> changes;
    public final List<String> calls = new CopyOnWriteArrayList<>();

    /** A diagnoser on this evidence, with no recording reserve. */
    public Diagnoser diagnoser(Clock clock) {
        return new Diagnoser(this, this, clock, Duration.ofHours(24), Duration.ZERO);
    }

    @Override
    public RoleState roleOf(String functionName) {
        calls.add("roleOf " + functionName);
        return orUnavailable(role, "iam:GetRole");
    }

    @Override
    public Simulation simulate(String roleArn, String action, String resource) {
        calls.add("simulate " + action);
        return orUnavailable(simulation, "iam:SimulatePrincipalPolicy");
    }

    @Override
    public List<RoleChange> of(String roleName, Instant from, Instant to) {
        calls.add("changes " + roleName);
        return orUnavailable(changes, "cloudtrail:LookupEvents");
    }

    private static <T> T orUnavailable(T value, String permission) {
        if (value == null) {
            throw new EvidenceUnavailable("AccessDenied", "AccessDenied", "not in this test", permission, null);
        }
        return value;
    }
}

package io.incidentsupervisor.application.diagnosis;

import io.incidentsupervisor.application.port.out.ChangeHistory;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.application.port.out.RoleEvidence;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Evidence for tests: a role, a simulator answer and a history set by the test; unset, each is unavailable. */
public class StubEvidence implements RoleEvidence, ChangeHistory {

    public RoleState role;
    public Simulation simulation;
    public List<Change> changes;
    public final List<String> calls = new CopyOnWriteArrayList<>();

    /** A diagnoser on this evidence, with no recording reserve. */
    public Diagnoser diagnoser(Clock clock) {
        return new Diagnoser(
                this, this, resourceArn -> null, clock, Duration.ofHours(24), Duration.ZERO, false, Set.of());
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

    /** The role each other function runs as; a function not named here cannot be read. */
    public final Map<String, String> functionRoles = new LinkedHashMap<>();

    @Override
    public List<String> rolesUsing(String policyArn, int max) {
        return List.of();
    }

    @Override
    public String roleNameOf(String functionName) {
        calls.add("roleNameOf " + functionName);
        return orUnavailable(functionRoles.get(functionName), "lambda:GetFunctionConfiguration");
    }

    @Override
    public List<Change> ofRole(String roleName, Instant from, Instant to) {
        calls.add("changes " + roleName);
        return orUnavailable(changes, "cloudtrail:LookupEvents");
    }

    /** No function, managed-policy, resource or organization changes: these tests are about the role's. */
    @Override
    public List<Change> ofManagedPolicy(String policyArn, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<Change> ofFunction(String functionName, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<Change> ofResourcePolicy(String resourceArn, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<Change> ofOrganizationPolicy(String policyId, Instant from, Instant to) {
        return List.of();
    }

    /** A history with only the role's changes, read by {@code roleChanges}. */
    public static ChangeHistory roleOnly(RoleHistory roleChanges) {
        return new StubEvidence() {
            @Override
            public List<Change> ofRole(String roleName, Instant from, Instant to) {
                return roleChanges.of(roleName, from, to);
            }
        };
    }

    /** The role's changes, as a test gives them. */
    public interface RoleHistory {
        List<Change> of(String roleName, Instant from, Instant to);
    }

    private static <T> T orUnavailable(T value, String permission) {
        if (value == null) {
            throw new EvidenceUnavailable("AccessDenied", "AccessDenied", "not in this test", permission, null);
        }
        return value;
    }
}

package io.incidentsupervisor.application.diagnosis;

import io.incidentsupervisor.application.TimeBoxed;
import io.incidentsupervisor.application.port.out.ChangeHistory;
import io.incidentsupervisor.application.port.out.ResourcePolicies;
import io.incidentsupervisor.application.port.out.RoleEvidence;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Change.Subject;
import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.Diagnostician;
import io.incidentsupervisor.domain.diagnosis.Policy;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import io.incidentsupervisor.domain.diagnosis.SuspectedChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * The change histories one denial needs, read where the domain says its cause may lie: the role's and the function's
 * (started at once, each on its own thread: neither needs the role read), then the role's customer-managed policies',
 * the denied resource's policy's and an organization policy's. What was read is remembered for the verdict.
 */
final class ChangeReads {

    /** At most this many managed policies' histories are read: each is a CloudTrail request, paced at 2 a second. */
    static final int MAX_MANAGED_POLICIES = 5;

    private final ChangeHistory history;
    private final ResourcePolicies resourcePolicies;
    private final RoleEvidence roles;
    private Policy resourcePolicy;
    private final EvidenceCalls calls;
    private final Denial denial;
    private final Instant from;
    private final Instant to;
    private final boolean organizationEvents;
    private final Set<Subject> read = EnumSet.noneOf(Subject.class);
    private final List<Change> changes = new ArrayList<>();
    private final String named;
    private final Optional<TimeBoxed.Running<List<Change>>> early;
    private final Optional<TimeBoxed.Running<List<Change>>> functionChanges;

    /** Starts the reads that need nothing but the alert; {@code named} is the role the denial names (or empty). */
    ChangeReads(
            ChangeHistory history,
            ResourcePolicies resourcePolicies,
            RoleEvidence roles,
            EvidenceCalls calls,
            Denial denial,
            String function,
            Instant incidentAt,
            Duration lookBack,
            boolean organizationEvents) {
        this.history = history;
        this.resourcePolicies = resourcePolicies;
        this.roles = roles;
        this.calls = calls;
        this.denial = denial;
        this.from = incidentAt.minus(lookBack);
        this.to = incidentAt.plus(Duration.ofMinutes(5));
        this.organizationEvents = organizationEvents;
        this.named = denial.role();
        boolean roleSide = Diagnostician.roleSideMayExplain(denial);
        this.early =
                roleSide && !named.isEmpty() ? calls.start(() -> history.ofRole(named, from, to)) : Optional.empty();
        this.functionChanges = roleSide ? calls.start(() -> history.ofFunction(function, from, to)) : Optional.empty();
    }

    /** Every history the denial needs, once the role (or its absence) and the simulations are known. */
    List<Change> collect(Optional<RoleState> role, List<Simulation> simulations) {
        if (Diagnostician.roleSideMayExplain(denial)) {
            roleChanges(role);
            functionChanges
                    .flatMap(running -> calls.await("the function's changes", running))
                    .ifPresent(found -> took(Subject.FUNCTION, found));
            managedPolicies(role);
        } else {
            early.ifPresent(TimeBoxed.Running::cancel);
        }
        boolean resourceMay = Diagnostician.resourcePolicyMayExplain(denial, role.orElse(null), simulations);
        if (resourceMay && denial.resource().isEmpty()) {
            calls.gap("the resource's policy: the denial names no resource");
        } else if (resourceMay) {
            String holder = Diagnostician.resourcePolicyHolder(denial.resource());
            read(
                    Subject.RESOURCE_POLICY,
                    "the resource's policy changes",
                    () -> history.ofResourcePolicy(holder, from, to));
            resourcePolicy = calls.call("the resource's policy", () -> Optional.ofNullable(resourcePolicies.of(holder)))
                    .flatMap(policy -> policy)
                    .orElse(null);
        }
        if (Diagnostician.organizationMayExplain(denial) && organizationEvents) {
            String arn = denial.reason().policyArn();
            if (arn.isEmpty()) {
                calls.gap("the organization policy's changes: the denial names no policy");
            } else {
                String id = arn.substring(arn.lastIndexOf('/') + 1);
                read(
                        Subject.ORGANIZATION_POLICY,
                        "the organization policy's changes",
                        () -> history.ofOrganizationPolicy(id, from, to));
            }
        }
        return List.copyOf(changes);
    }

    /** The denied resource's policy now, when it was read and it has one. */
    Policy resourcePolicy() {
        return resourcePolicy;
    }

    Set<Subject> read() {
        return Set.copyOf(read);
    }

    /** The role's changes: the early read's when it is of the role read, else read now (the early one is cancelled). */
    private void roleChanges(Optional<RoleState> role) {
        String roleName = role.map(RoleState::roleName).orElse(named);
        if (early.isPresent() && roleName.equals(named)) {
            calls.await("the role's changes", early.get()).ifPresent(found -> took(Subject.ROLE, found));
            return;
        }
        early.ifPresent(TimeBoxed.Running::cancel);
        if (roleName.isEmpty()) {
            calls.gap("the role's changes: the role is unknown");
            return;
        }
        read(Subject.ROLE, "the role's changes", () -> history.ofRole(roleName, from, to));
    }

    /** The new default versions of the role's customer-managed policies and boundary (AWS's own are not in CloudTrail). */
    private void managedPolicies(Optional<RoleState> role) {
        if (role.isEmpty()) {
            return;
        }
        List<String> arns = role.get().policies().stream()
                .filter(policy -> policy.kind() != Policy.Kind.INLINE)
                .map(Policy::name)
                .filter(arn -> arn.startsWith("arn:aws:iam::") && !arn.startsWith("arn:aws:iam::aws:"))
                .distinct()
                .toList();
        boolean all = true;
        for (String arn : arns.subList(0, Math.min(arns.size(), MAX_MANAGED_POLICIES))) {
            List<Change> found = calls.call("the changes of " + arn, () -> history.ofManagedPolicy(arn, from, to))
                    .orElse(null);
            if (found == null) {
                all = false;
            } else {
                changes.addAll(atRisk(found, arn, role.get().roleName()));
            }
        }
        if (arns.size() > MAX_MANAGED_POLICIES) {
            calls.gap("managed policies' changes: " + (arns.size() - MAX_MANAGED_POLICIES) + " of " + arns.size()
                    + " policies not read (at most " + MAX_MANAGED_POLICIES + ")");
        }
        if (all) {
            read.add(Subject.MANAGED_POLICY);
        }
    }

    /**
     * A changed policy's other roles, which may fail the same way; read only when the policy did change, and a gap
     * naming the permission when IAM refuses.
     */
    private List<Change> atRisk(List<Change> found, String arn, String roleName) {
        if (found.isEmpty()) {
            return found;
        }
        List<String> others = calls
                .call("the roles using " + arn, () -> roles.rolesUsing(arn, SuspectedChange.MAX_AT_RISK + 1))
                .orElse(List.of())
                .stream()
                .filter(name -> !name.equals(roleName))
                .limit(SuspectedChange.MAX_AT_RISK)
                .toList();
        return found.stream().map(change -> change.withSharedWith(others)).toList();
    }

    private void read(Subject subject, String what, Callable<List<Change>> call) {
        calls.call(what, call).ifPresent(found -> took(subject, found));
    }

    private void took(Subject subject, List<Change> found) {
        read.add(subject);
        changes.addAll(found);
    }
}

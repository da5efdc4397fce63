package io.incidentsupervisor.domain.diagnosis;

import io.incidentsupervisor.domain.diagnosis.Change.Subject;
import io.incidentsupervisor.domain.diagnosis.DenialReason.PolicyType;
import io.incidentsupervisor.domain.diagnosis.Diagnosis.ChangeEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reaches the verdict from the evidence, deterministically: the newest change before the incident that explains the
 * first denial is the suspect, looked for where the denial's message says it lies. An identity-policy or boundary
 * denial (or one that names no policy type) is explained by a change on the role's side ({@link RoleExplanations}),
 * else, when the role allows the action now, by the resource's policy, else by a deploy; a resource-based denial only by
 * the resource's policy; an organization policy's denial only by a change to that policy; a session or VPC endpoint
 * policy's by none. A denial outside the role is never pinned on a role change.
 */
public final class Diagnostician {

    /** CloudTrail delivers an event up to this long after the change; until then a missing change may still arrive. */
    public static final Duration DELIVERY_DELAY = Duration.ofMinutes(15);
    /** A change this long after the incident's timestamp may still be its cause: the producer's clock may lag. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * What the evidence collectors found: {@code role} is null when it could not be read; {@code read} names the
     * histories that were read (a history that failed is missing, and its gap says why); {@code resourcePolicy} is the
     * denied resource's policy now, null when it has none or it was not read.
     */
    public record Evidence(
            List<Denial> denials,
            RoleState role,
            List<Simulation> simulations,
            List<Change> changes,
            Set<Subject> read,
            List<String> gaps,
            Policy resourcePolicy) {

        public Evidence {
            denials = List.copyOf(denials);
            simulations = List.copyOf(simulations);
            changes = List.copyOf(changes);
            read = read.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(read));
            gaps = List.copyOf(gaps);
        }

        public Evidence(
                List<Denial> denials,
                RoleState role,
                List<Simulation> simulations,
                List<Change> changes,
                Set<Subject> read,
                List<String> gaps) {
            this(denials, role, simulations, changes, read, gaps, null);
        }

        /** Evidence whose role-side histories (the role, its managed policies, the function) were all read, or none. */
        public Evidence(
                List<Denial> denials,
                RoleState role,
                List<Simulation> simulations,
                List<Change> changes,
                boolean changesRead,
                List<String> gaps) {
            this(
                    denials,
                    role,
                    simulations,
                    changes,
                    changesRead ? EnumSet.of(Subject.ROLE, Subject.MANAGED_POLICY, Subject.FUNCTION) : Set.of(),
                    gaps);
        }
    }

    private Diagnostician() {}

    public static Diagnosis diagnose(Instant incidentAt, Instant now, Evidence evidence) {
        if (evidence.denials().isEmpty()) {
            return new Diagnosis(
                    List.of(),
                    "",
                    evidence.simulations(),
                    null,
                    "",
                    "",
                    ChangeEvidence.NOT_NEEDED,
                    null,
                    evidence.gaps());
        }
        Denial denial = evidence.denials().get(0);
        List<Change> newestFirst = evidence.changes().stream()
                .filter(change -> !change.time().isAfter(incidentAt.plus(CLOCK_SKEW)))
                .sorted(Comparator.comparing(Change::time).reversed())
                .toList();
        boolean allowsNow = allowsNow(denial, evidence.role(), evidence.simulations());
        String roleArn = evidence.role() == null ? "" : evidence.role().roleArn();
        DenialReason reason = denial.reason();
        Optional<Explained> explained;
        Subject searched;
        if (reason.byOrganization()) {
            searched = Subject.ORGANIZATION_POLICY;
            explained = first(newestFirst, change -> ElsewhereExplanations.organizationPolicy(change, denial));
        } else if (reason.policyType() == PolicyType.RESOURCE) {
            searched = Subject.RESOURCE_POLICY;
            explained = first(newestFirst, resourcePolicy(denial, roleArn, evidence.resourcePolicy()));
        } else if (reason.mayLieInTheRole()) {
            // A role change explains it even if it has since been undone; when the role allows the action now, the
            // resource's policy may; a deploy only when the role never allowed it.
            searched = Subject.ROLE;
            explained = first(newestFirst, change -> RoleExplanations.explain(change, denial, newestFirst, allowsNow))
                    .or(() -> allowsNow
                            ? first(newestFirst, resourcePolicy(denial, roleArn, evidence.resourcePolicy()))
                            : first(newestFirst, change -> ElsewhereExplanations.deploy(change, denial)));
        } else {
            searched = null;
            explained = Optional.empty();
        }
        String elsewhere = Elsewhere.describe(
                denial, evidence.read().contains(Subject.ORGANIZATION_POLICY), evidence.resourcePolicy(), roleArn);
        String roleNow = RoleNow.describe(evidence.role(), denial);
        if (explained.isPresent()) {
            return new Diagnosis(
                    evidence.denials(),
                    roleNow,
                    evidence.simulations(),
                    explained.get().suspect(),
                    explained.get().revert(),
                    explained.get().revertDocument(),
                    ChangeEvidence.FOUND,
                    null,
                    evidence.gaps(),
                    elsewhere,
                    explained.get().suggestedGrant());
        }
        Instant deliveredBy = incidentAt.plus(DELIVERY_DELAY);
        ChangeEvidence status = searched == null || !evidence.read().contains(searched)
                ? (searched == Subject.ROLE || searched == Subject.RESOURCE_POLICY
                        ? ChangeEvidence.UNAVAILABLE
                        : ChangeEvidence.OUT_OF_VIEW)
                : now.isBefore(deliveredBy) ? ChangeEvidence.PENDING : ChangeEvidence.NOT_FOUND;
        return new Diagnosis(
                evidence.denials(),
                roleNow,
                evidence.simulations(),
                null,
                "",
                "",
                status,
                status == ChangeEvidence.PENDING ? deliveredBy : null,
                evidence.gaps(),
                elsewhere,
                "");
    }

    /** Whether the denial may lie in the role's side: its policies, its managed policies, the function's role or code. */
    public static boolean roleSideMayExplain(Denial denial) {
        return denial.reason().mayLieInTheRole();
    }

    /** Whether an organization policy denied it: only that policy's changes may explain it. */
    public static boolean organizationMayExplain(Denial denial) {
        return denial.reason().byOrganization();
    }

    /**
     * Whether the denied resource's own policy may explain it: the message says so, or it names no policy outside the
     * role and the role allows the action now.
     */
    public static boolean resourcePolicyMayExplain(Denial denial, RoleState role, List<Simulation> simulations) {
        return denial.reason().policyType() == PolicyType.RESOURCE
                || (denial.reason().mayLieInTheRole() && allowsNow(denial, role, simulations));
    }

    /** The ARN of what holds the policy of a denied resource: an S3 object's bucket, else the resource itself. */
    public static String resourcePolicyHolder(String resourceArn) {
        if (resourceArn.startsWith("arn:aws:s3:::")) {
            int slash = resourceArn.indexOf('/');
            return slash < 0 ? resourceArn : resourceArn.substring(0, slash);
        }
        return resourceArn;
    }

    private static boolean allowsNow(Denial denial, RoleState role, List<Simulation> simulations) {
        return RoleNow.allows(role, denial)
                || simulations.stream().anyMatch(s -> s.allowed() && s.action().equals(denial.action()));
    }

    private static Function<Change, Optional<Explained>> resourcePolicy(Denial denial, String roleArn, Policy now) {
        return change -> ElsewhereExplanations.resourcePolicy(change, denial, roleArn, now);
    }

    /** The first change, newest first, that explains the denial in the way given. */
    private static Optional<Explained> first(List<Change> newestFirst, Function<Change, Optional<Explained>> explain) {
        for (Change change : newestFirst) {
            Optional<Explained> explained = explain.apply(change);
            if (explained.isPresent()) {
                return explained;
            }
        }
        return Optional.empty();
    }
}

package io.incidentsupervisor.domain.diagnosis;

import io.incidentsupervisor.domain.diagnosis.Diagnosis.ChangeEvidence;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reaches the verdict from the evidence, deterministically: the newest role change before the incident that explains
 * the first denial is the suspect. A detach explains it if the detached policy granted the action; a replaced inline
 * policy, if its earlier document (an earlier {@code PutRolePolicy} in the look-back) granted it and the new one does not,
 * or the new one denies it; a deleted inline policy, if its last document granted it; an attached policy or a new
 * permissions boundary, if it denies the action or (a boundary) does not allow it.
 */
public final class Diagnostician {

    /** CloudTrail delivers an event up to this long after the change; until then a missing change may still arrive. */
    public static final Duration DELIVERY_DELAY = Duration.ofMinutes(15);
    /** A change this long after the incident's timestamp may still be its cause: the producer's clock may lag. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * What the evidence collectors found: {@code role} is null when it could not be read, {@code changesRead} false when
     * the role's history could not be.
     */
    public record Evidence(
            List<Denial> denials,
            RoleState role,
            List<Simulation> simulations,
            List<RoleChange> changes,
            boolean changesRead,
            List<String> gaps) {

        public Evidence {
            denials = List.copyOf(denials);
            simulations = List.copyOf(simulations);
            changes = List.copyOf(changes);
            gaps = List.copyOf(gaps);
        }
    }

    private record Explained(SuspectedChange suspect, String revert, String revertDocument) {}

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
        String roleNow = RoleNow.describe(evidence.role(), denial);
        List<RoleChange> newestFirst = evidence.changes().stream()
                .filter(change -> !change.time().isAfter(incidentAt.plus(CLOCK_SKEW)))
                .sorted(Comparator.comparing(RoleChange::time).reversed())
                .toList();
        for (RoleChange change : newestFirst) {
            Optional<Explained> explained = explain(change, denial, newestFirst);
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
                        evidence.gaps());
            }
        }
        Instant deliveredBy = incidentAt.plus(DELIVERY_DELAY);
        ChangeEvidence status = !evidence.changesRead()
                ? ChangeEvidence.UNAVAILABLE
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
                evidence.gaps());
    }

    private static Optional<Explained> explain(RoleChange change, Denial denial, List<RoleChange> newestFirst) {
        String action = denial.action();
        String resource = denial.resource();
        String role = change.roleName();
        Policy policy = change.policy();
        return switch (change.eventName()) {
            case "DetachRolePolicy" ->
                granting(policy, action, resource)
                        .map(statement -> new Explained(
                                suspect(
                                        change,
                                        statement.json(),
                                        "detached " + change.policyName() + ", which allowed " + action),
                                "aws iam attach-role-policy --role-name " + role + " --policy-arn "
                                        + change.policyName(),
                                ""));
            case "PutRolePolicy" -> replacedInline(change, action, resource, earlierDocument(change, newestFirst));
            case "DeleteRolePolicy" -> {
                Optional<Policy> before = earlierDocument(change, newestFirst);
                yield before.flatMap(document -> granting(document, action, resource))
                        .map(statement -> new Explained(
                                suspect(
                                        change,
                                        statement.json(),
                                        "inline policy " + change.policyName() + ", which allowed " + action
                                                + ", was deleted"),
                                revertInline(role, change.policyName(), before),
                                before.get().document()));
            }
            case "AttachRolePolicy" ->
                denying(policy, action, resource)
                        .map(statement -> new Explained(
                                suspect(
                                        change,
                                        "added: " + statement.json(),
                                        "attached " + change.policyName() + ", which denies " + action),
                                "aws iam detach-role-policy --role-name " + role + " --policy-arn "
                                        + change.policyName(),
                                ""));
            case "PutRolePermissionsBoundary" ->
                policy != null
                                && (denying(policy, action, resource).isPresent()
                                        || granting(policy, action, resource).isEmpty())
                        ? Optional.of(new Explained(
                                suspect(
                                        change,
                                        "boundary " + change.policyName() + " does not allow " + action,
                                        "the permissions boundary " + change.policyName() + " does not allow "
                                                + action),
                                "aws iam delete-role-permissions-boundary --role-name " + role,
                                ""))
                        : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A {@code PutRolePolicy} explains the denial if the new document denies the action, or dropped what allowed it. */
    private static Optional<Explained> replacedInline(
            RoleChange change, String action, String resource, Optional<Policy> before) {
        String role = change.roleName();
        Optional<PolicyStatement> deny = denying(change.policy(), action, resource);
        if (deny.isPresent()) {
            return Optional.of(new Explained(
                    suspect(
                            change,
                            "added: " + deny.get().json(),
                            "inline policy " + change.policyName() + " now denies " + action),
                    revertInline(role, change.policyName(), before),
                    before.map(Policy::document).orElse("")));
        }
        if (before.isEmpty() || granting(change.policy(), action, resource).isPresent()) {
            return Optional.empty();
        }
        return granting(before.get(), action, resource)
                .map(statement -> new Explained(
                        suspect(
                                change,
                                statement.json(),
                                "inline policy " + change.policyName()
                                        + " was replaced by a document without the statement that allowed " + action),
                        revertInline(role, change.policyName(), before),
                        before.get().document()));
    }

    /** The document an inline policy had before {@code change}: the newest earlier {@code PutRolePolicy} of it. */
    private static Optional<Policy> earlierDocument(RoleChange change, List<RoleChange> newestFirst) {
        return newestFirst.stream()
                .filter(earlier -> earlier.time().isBefore(change.time()))
                .filter(earlier -> earlier.eventName().equals("PutRolePolicy"))
                .filter(earlier -> earlier.policyName().equals(change.policyName()) && earlier.policy() != null)
                .map(RoleChange::policy)
                .findFirst();
    }

    private static String revertInline(String role, String policyName, Optional<Policy> before) {
        return before.isEmpty()
                ? ""
                : "aws iam put-role-policy --role-name " + role + " --policy-name " + policyName
                        + " --policy-document file://" + policyName + ".json";
    }

    private static Optional<PolicyStatement> granting(Policy policy, String action, String resource) {
        return policy == null ? Optional.empty() : policy.granting(action, resource);
    }

    private static Optional<PolicyStatement> denying(Policy policy, String action, String resource) {
        return policy == null ? Optional.empty() : policy.denying(action, resource);
    }

    private static SuspectedChange suspect(RoleChange change, String removed, String explanation) {
        return new SuspectedChange(
                change.eventName(),
                change.eventId(),
                change.time(),
                change.actorArn(),
                change.actorType(),
                change.policyName(),
                removed,
                explanation);
    }
}

package io.incidentsupervisor.domain.diagnosis;

import static io.incidentsupervisor.domain.diagnosis.Explained.suspect;

import java.util.List;
import java.util.Optional;

/**
 * How a change on the role's side explains a denial: the role's own policies (attach, detach, inline put and delete,
 * boundary), a new default version of a managed policy it uses, and the function switched to another role. A change
 * whose earlier document is not in the look-back is still named when the role does not allow the action now, with the
 * revert that can be computed and a plain word that the earlier document is not available.
 */
final class RoleExplanations {

    private RoleExplanations() {}

    static Optional<Explained> explain(Change change, Denial denial, List<Change> newestFirst, boolean allowsNow) {
        return switch (change.subject()) {
            case ROLE -> rolePolicy(change, denial, newestFirst, allowsNow);
            case MANAGED_POLICY -> managedVersion(change, denial, allowsNow);
            case FUNCTION -> roleSwap(change, allowsNow);
            case RESOURCE_POLICY, ORGANIZATION_POLICY -> Optional.empty();
        };
    }

    private static Optional<Explained> rolePolicy(
            Change change, Denial denial, List<Change> newestFirst, boolean allowsNow) {
        String action = denial.action();
        String resource = denial.resource();
        String role = change.target();
        Policy policy = change.policy();
        return switch (change.action()) {
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
            case "PutRolePolicy" -> replacedInline(change, denial, earlierDocument(change, newestFirst));
            case "DeleteRolePolicy" -> deletedInline(change, denial, earlierDocument(change, newestFirst), allowsNow);
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
    private static Optional<Explained> replacedInline(Change change, Denial denial, Optional<Policy> before) {
        String action = denial.action();
        String resource = denial.resource();
        Optional<PolicyStatement> deny = denying(change.policy(), action, resource);
        if (deny.isPresent()) {
            String document =
                    before.map(Policy::document).orElseGet(() -> change.policy().documentWithout(deny.get()));
            return Optional.of(new Explained(
                    suspect(
                            change,
                            "added: " + deny.get().json(),
                            "inline policy " + change.policyName() + " now denies " + action
                                    + (before.isPresent()
                                            ? ""
                                            : "; its earlier document is not in the look-back, so the revert"
                                                    + " document is today's without the denying statement")),
                    revertInline(change),
                    document));
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
                        revertInline(change),
                        before.get().document()));
    }

    /**
     * A deleted inline policy explains the denial if its last document allowed the action, or, when that document is not
     * in the look-back, if the role does not allow the action now.
     */
    private static Optional<Explained> deletedInline(
            Change change, Denial denial, Optional<Policy> before, boolean allowsNow) {
        String action = denial.action();
        if (before.isEmpty()) {
            return allowsNow
                    ? Optional.empty()
                    : Optional.of(new Explained(
                            suspect(
                                    change,
                                    "inline policy " + change.policyName() + " (document not available)",
                                    "inline policy " + change.policyName() + " was deleted and the role allows "
                                            + action + " no more; its earlier document is not in the look-back, so"
                                            + " what it allowed cannot be shown and the revert needs it from your"
                                            + " own records"),
                            "",
                            ""));
        }
        return granting(before.get(), action, denial.resource())
                .map(statement -> new Explained(
                        suspect(
                                change,
                                statement.json(),
                                "inline policy " + change.policyName() + ", which allowed " + action + ", was deleted"),
                        revertInline(change),
                        before.get().document()));
    }

    /**
     * A managed policy's new default version explains the denial if it denies the action, or if the version before it
     * allowed the action and the new one does not; when the version before it cannot be read, if the role does not
     * allow the action now.
     */
    private static Optional<Explained> managedVersion(Change change, Denial denial, boolean allowsNow) {
        String action = denial.action();
        String resource = denial.resource();
        Policy after = change.policy();
        Policy before = change.before();
        Optional<PolicyStatement> deny = denying(after, action, resource);
        Optional<PolicyStatement> removed =
                granting(after, action, resource).isPresent() ? Optional.empty() : granting(before, action, resource);
        boolean unknownBefore = before == null && after != null && !allowsNow && deny.isEmpty();
        if (deny.isEmpty() && removed.isEmpty() && !unknownBefore) {
            return Optional.empty();
        }
        String arn = change.target();
        String from = change.previous().isEmpty() ? "the version before it" : change.previous();
        String what = deny.map(statement -> "added: " + statement.json())
                .or(() -> removed.map(PolicyStatement::json))
                .orElse("version " + from + " (document not available)");
        StringBuilder explanation = new StringBuilder("managed policy " + arn + " got a new default version "
                + change.current() + (deny.isPresent() ? ", which denies " : " without the statement that allowed ")
                + action);
        String revert;
        String document = "";
        if (change.beforeDeleted() || change.previous().isEmpty()) {
            explanation.append(change.beforeDeleted() ? "; version " + from + " has since been deleted" : "");
            if (before != null) {
                explanation.append("; its document, from CloudTrail, is the revert document");
                revert = "aws iam create-policy-version --policy-arn " + arn + " --policy-document file://"
                        + arn.substring(arn.lastIndexOf('/') + 1) + ".json --set-as-default";
                document = before.document();
            } else {
                explanation.append("; the earlier document is not available");
                revert = "";
            }
        } else {
            revert = "aws iam set-default-policy-version --policy-arn " + arn + " --version-id " + change.previous();
        }
        if (!change.sharedWith().isEmpty()) {
            explanation
                    .append("; ")
                    .append(change.sharedWith().size())
                    .append(" other role(s) use this policy and are at risk");
        }
        return Optional.of(
                new Explained(suspect(change, what, explanation.toString(), change.sharedWith()), revert, document));
    }

    /** The function switched to a role that does not allow the action. */
    private static Optional<Explained> roleSwap(Change change, boolean allowsNow) {
        if (!change.action().equals("UpdateFunctionConfiguration")
                || change.current().isEmpty()
                || allowsNow) {
            return Optional.empty();
        }
        boolean known = !change.previous().isEmpty();
        return Optional.of(new Explained(
                suspect(
                        change,
                        "role " + (known ? change.previous() : "(earlier role not in the look-back)"),
                        "function " + change.target() + " was switched "
                                + (known ? "from role " + change.previous() + " " : "")
                                + "to role " + change.current() + ", which does not allow the denied action"
                                + (known ? "" : "; the earlier role is not in the look-back")),
                known
                        ? "aws lambda update-function-configuration --function-name " + change.target() + " --role "
                                + change.previous()
                        : "",
                ""));
    }

    /** The document an inline policy had before {@code change}: the newest earlier {@code PutRolePolicy} of it. */
    private static Optional<Policy> earlierDocument(Change change, List<Change> newestFirst) {
        return newestFirst.stream()
                .filter(earlier -> earlier.time().isBefore(change.time()))
                .filter(earlier -> earlier.subject() == Change.Subject.ROLE)
                .filter(earlier -> earlier.action().equals("PutRolePolicy"))
                .filter(earlier -> earlier.policyName().equals(change.policyName()) && earlier.policy() != null)
                .map(Change::policy)
                .findFirst();
    }

    private static String revertInline(Change change) {
        return "aws iam put-role-policy --role-name " + change.target() + " --policy-name " + change.policyName()
                + " --policy-document file://" + change.policyName() + ".json";
    }

    static Optional<PolicyStatement> granting(Policy policy, String action, String resource) {
        return policy == null ? Optional.empty() : policy.granting(action, resource);
    }

    static Optional<PolicyStatement> denying(Policy policy, String action, String resource) {
        return policy == null ? Optional.empty() : policy.denying(action, resource);
    }
}

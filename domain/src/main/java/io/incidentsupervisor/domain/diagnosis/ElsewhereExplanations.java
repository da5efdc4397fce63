package io.incidentsupervisor.domain.diagnosis;

import static io.incidentsupervisor.domain.diagnosis.Explained.suspect;

import io.incidentsupervisor.domain.model.Text;
import java.util.Optional;

/**
 * How a change outside the role explains a denial: the denied resource's own policy (S3, KMS, SQS, SNS, Lambda), an
 * organization policy, or a deploy whose new code calls what the role never allowed.
 */
final class ElsewhereExplanations {

    private ElsewhereExplanations() {}

    /**
     * A change to the denied resource's policy explains the denial if the new policy denies the action to the role (or
     * to everyone), or if the policy before it allowed the action to the role and the new one (or none) does not.
     */
    static Optional<Explained> resourcePolicy(Change change, Denial denial, String roleArn, Policy now) {
        if (change.subject() != Change.Subject.RESOURCE_POLICY || !covers(change.target(), denial.resource())) {
            return Optional.empty();
        }
        String account = accountOf(denial.principal());
        Optional<PolicyStatement> deny = statement(change.policy(), denial, roleArn, account, false);
        Optional<PolicyStatement> removed =
                statement(change.policy(), denial, roleArn, account, true).isPresent()
                        ? Optional.empty()
                        : statement(change.before(), denial, roleArn, account, true);
        if (deny.isEmpty() && removed.isEmpty()) {
            return Optional.empty();
        }
        // Without the earlier policy, the revert is the policy as it is now (or as the change left it) without the
        // statement that denies.
        Policy base = now != null && deny.isPresent() && now.statements().contains(deny.get()) ? now : change.policy();
        String document = change.before() != null
                ? change.before().document()
                : deny.map(base::documentWithout).orElse("");
        String explanation = "the resource-based policy of " + change.target()
                + (deny.isPresent() ? " now denies " : " no longer allows ") + denial.action() + " to the role"
                + (change.before() == null
                        ? "; its earlier policy is not in the look-back, so the revert document is today's without"
                                + " the denying statement"
                        : "");
        return Optional.of(new Explained(
                suspect(
                        change,
                        deny.map(statement -> "added: " + statement.json())
                                .orElseGet(() -> removed.get().json()),
                        explanation),
                document.isEmpty() ? "" : ResourcePolicyReverts.command(change.target()),
                ResourcePolicyReverts.document(change.target(), document)));
    }

    /**
     * A change to the organization policy the denial names (or, when it names none, a detach of any organization
     * policy, which an implicit deny by the organization's policies follows from).
     */
    static Optional<Explained> organizationPolicy(Change change, Denial denial) {
        if (change.subject() != Change.Subject.ORGANIZATION_POLICY) {
            return Optional.empty();
        }
        String named = denial.reason().policyArn();
        String policyId = change.target();
        boolean same =
                !named.isEmpty() && named.substring(named.lastIndexOf('/') + 1).equals(policyId);
        String action = change.action();
        String revert;
        if (same && action.equals("UpdatePolicy")) {
            revert = change.before() == null
                    ? ""
                    : "aws organizations update-policy --policy-id " + policyId + " --content file://" + policyId
                            + ".json";
        } else if (same && action.equals("AttachPolicy")) {
            revert = "aws organizations detach-policy --policy-id " + policyId + " --target-id " + change.current();
        } else if (named.isEmpty() && action.equals("DetachPolicy")) {
            revert = "aws organizations attach-policy --policy-id " + policyId + " --target-id " + change.current();
        } else {
            return Optional.empty();
        }
        return Optional.of(new Explained(
                suspect(
                        change,
                        action + " of " + policyId,
                        "organization policy " + policyId + " was changed (" + action + ") before the denial"
                                + (revert.isEmpty() ? "; its earlier content is not in the look-back" : "")),
                revert,
                change.before() == null ? "" : change.before().document()));
    }

    /**
     * A deploy (new code, or a configuration without a new role) before the denial, when no change to the role explains
     * it and the role does not allow the action: the new code needs a permission the role never had. The grant that
     * would allow exactly the denied action on the denied resource is suggested, never applied.
     */
    static Optional<Explained> deploy(Change change, Denial denial) {
        boolean code = change.action().equals("UpdateFunctionCode");
        boolean configuration = change.action().equals("UpdateFunctionConfiguration")
                && change.current().isEmpty();
        if (change.subject() != Change.Subject.FUNCTION || (!code && !configuration)) {
            return Optional.empty();
        }
        String resource = denial.resource().isEmpty() ? "*" : denial.resource();
        String grant = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowDeniedAction\",\"Effect\":\"Allow\","
                + "\"Action\":" + Text.jsonLiteral(denial.action()) + ",\"Resource\":" + Text.jsonLiteral(resource)
                + "}]}";
        String what = code
                ? "code " + (change.previous().isEmpty() ? "" : change.previous() + " → ")
                        + (change.current().isEmpty() ? "(SHA-256 not recorded)" : change.current())
                : "configuration";
        return Optional.of(new Explained(
                suspect(
                        change,
                        "deployed " + what,
                        "the " + (code ? "code" : "configuration") + " deployed to " + change.target()
                                + " before the denial needs " + denial.action() + ", which its role did not allow"
                                + " before either: no change to the role explains the denial, so the role needs a"
                                + " new grant (suggested, never applied), not a revert"),
                "",
                "",
                grant));
    }

    static Optional<PolicyStatement> statement(
            Policy policy, Denial denial, String roleArn, String account, boolean allow) {
        return policy == null
                ? Optional.empty()
                : policy.statements().stream()
                        .filter(s -> s.appliesTo(roleArn, account))
                        .filter(s -> allow
                                ? s.grants(denial.action(), denial.resource())
                                : s.denies(denial.action(), denial.resource()))
                        .findFirst();
    }

    /** Whether a policy on {@code target} governs {@code resource}: the same ARN, or an object in that bucket. */
    private static boolean covers(String target, String resource) {
        return resource.isEmpty() || resource.equals(target) || resource.startsWith(target + "/");
    }

    /** The account of an ARN ({@code arn:aws:sts::123456789012:assumed-role/…}), or empty. */
    static String accountOf(String arn) {
        String[] parts = arn.split(":", 6);
        return parts.length >= 5 ? parts[4] : "";
    }
}

package io.incidentsupervisor.domain.diagnosis;

import java.util.Optional;

/** What the role's policies say of a denied action now, in one sentence of the verdict. */
final class RoleNow {

    private RoleNow() {}

    /** What the role's policies say of the denied action now: what denies it, what should allow it, or that none does. */
    static String describe(RoleState role, Denial denial) {
        if (role == null) {
            return "";
        }
        String action = denial.action();
        String resource = denial.resource();
        for (Policy policy : role.policies()) {
            Optional<PolicyStatement> deny = policy.denying(action, resource);
            if (deny.isPresent()) {
                return "statement " + sid(deny.get()) + " of " + policy.name() + " denies " + action;
            }
        }
        for (Policy policy : role.policies()) {
            if (policy.kind() == Policy.Kind.PERMISSIONS_BOUNDARY
                    && policy.granting(action, resource).isEmpty()) {
                return "the permissions boundary " + policy.name() + " does not allow " + action;
            }
        }
        for (Policy policy : role.policies()) {
            Optional<PolicyStatement> allow = policy.granting(action, resource);
            if (allow.isPresent() && policy.kind() != Policy.Kind.PERMISSIONS_BOUNDARY) {
                return "statement " + sid(allow.get()) + " of " + policy.name() + " allows " + action
                        + " now: the denial lies outside the role's policies";
            }
        }
        return "none of the role's " + role.policies().size() + " policies ("
                + String.join(
                        ", ", role.policies().stream().map(RoleNow::shortName).toList()) + ") allows " + action;
    }

    /** Whether the role's policies allow the denied action now: nothing denies it, the boundary allows it, one grants it. */
    static boolean allows(RoleState role, Denial denial) {
        if (role == null) {
            return false;
        }
        String action = denial.action();
        String resource = denial.resource();
        boolean denied = role.policies().stream()
                .anyMatch(policy -> policy.denying(action, resource).isPresent());
        boolean bounded = role.policies().stream()
                .anyMatch(policy -> policy.kind() == Policy.Kind.PERMISSIONS_BOUNDARY
                        && policy.granting(action, resource).isEmpty());
        boolean granted = role.policies().stream()
                .anyMatch(policy -> policy.kind() != Policy.Kind.PERMISSIONS_BOUNDARY
                        && policy.granting(action, resource).isPresent());
        return !denied && !bounded && granted;
    }

    private static String sid(PolicyStatement statement) {
        return statement.sid().isEmpty() ? "(no Sid)" : statement.sid();
    }

    /** A managed policy by its name, without the ARN's account and path. */
    private static String shortName(Policy policy) {
        return policy.name().substring(policy.name().lastIndexOf('/') + 1);
    }
}

package io.incidentsupervisor.domain.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One statement of an IAM policy document: allow or deny, its actions and resources (wildcards {@code *} and {@code ?}
 * as IAM reads them), and the statement as written ({@code json}), for showing what a change removed. A statement with
 * {@code NotAction}, {@code NotResource} or a condition is kept but never counted as granting anything: its effect
 * depends on more than the action and resource. {@code principals} are a resource-based policy's principals (ARNs,
 * account ids, {@code *}); an identity policy's statements have none.
 */
public record PolicyStatement(
        String sid,
        boolean allow,
        List<String> actions,
        List<String> resources,
        boolean conditional,
        String json,
        List<String> principals) {

    public PolicyStatement {
        sid = sid == null ? "" : sid;
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        json = json == null ? "" : json;
        principals = principals == null ? List.of() : List.copyOf(principals);
    }

    /** A statement of an identity policy (no principals). */
    public PolicyStatement(
            String sid, boolean allow, List<String> actions, List<String> resources, boolean conditional, String json) {
        this(sid, allow, actions, resources, conditional, json, List.of());
    }

    /**
     * Whether a resource-based statement names the role ({@code roleArn}) or its account ({@code accountId}, or the
     * account's root), or everyone; an identity policy's statement applies to its role.
     */
    public boolean appliesTo(String roleArn, String accountId) {
        return principals.isEmpty()
                || principals.stream()
                        .anyMatch(p -> p.equals("*")
                                || p.equals(roleArn)
                                || (!accountId.isEmpty()
                                        && (p.equals(accountId) || p.equals("arn:aws:iam::" + accountId + ":root"))));
    }

    /** Whether this statement allows {@code action} on {@code resource} (any resource when it is empty). */
    public boolean grants(String action, String resource) {
        return allow && covers(action, resource);
    }

    /** Whether this statement denies {@code action} on {@code resource}. */
    public boolean denies(String action, String resource) {
        return !allow && covers(action, resource);
    }

    private boolean covers(String action, String resource) {
        if (conditional) {
            return false;
        }
        boolean actionMatches = actions.stream()
                .anyMatch(pattern ->
                        Wildcards.matches(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT)));
        boolean resourceMatches =
                resource.isEmpty() || resources.stream().anyMatch(pattern -> Wildcards.matches(pattern, resource));
        return actionMatches && resourceMatches;
    }

    /** IAM's wildcard matching: {@code *} any run of characters, {@code ?} one character; linear in both lengths. */
    static final class Wildcards {

        private Wildcards() {}

        static boolean matches(String pattern, String text) {
            Objects.requireNonNull(pattern, "pattern");
            int p = 0;
            int t = 0;
            int star = -1;
            int resume = 0;
            while (t < text.length()) {
                if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                    p++;
                    t++;
                } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                    star = p++;
                    resume = t;
                } else if (star >= 0) {
                    p = star + 1;
                    t = ++resume;
                } else {
                    return false;
                }
            }
            while (p < pattern.length() && pattern.charAt(p) == '*') {
                p++;
            }
            return p == pattern.length();
        }
    }
}

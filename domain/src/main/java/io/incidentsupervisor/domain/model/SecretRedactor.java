package io.incidentsupervisor.domain.model;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces secret-looking values in free text — log lines, the bodies of rejected alerts — and counts what it replaced:
 * the one redaction rule for everything the supervisor keeps.
 */
public final class SecretRedactor {

    private record Rule(Pattern pattern, String replacement) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+"),
                    "[REDACTED:jwt]"),
            new Rule(Pattern.compile("(?i)\\b(bearer)\\s+[A-Za-z0-9._~+/-]+=*"), "$1 [REDACTED]"),
            new Rule(Pattern.compile("\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"), "[REDACTED:aws-access-key-id]"),
            // The password of a URL's user info: postgres://app:<password>@host.
            new Rule(
                    Pattern.compile(
                            "((?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:)(?!\\[REDACTED)([^/\\s@]+)@"),
                    "$1[REDACTED]@"),
            // Any key whose name contains a secret-sounding word (DB_PASSWORD, x-api-key, aws_secret_access_key),
            // quoted or not. The key is tried once per token, from its start, and taken whole (possessive), so a long
            // run of key-like characters costs linear time, not quadratic.
            new Rule(
                    Pattern.compile("(?i)(?<![A-Za-z0-9_.-])(?=[A-Za-z0-9_.-]*?(?:password|passwd|pwd|secret|token|"
                            + "api[_-]?key|apikey|access[_-]?key|credential))([A-Za-z0-9_.-]++)"
                            + "(\"?\\s*[=:]\\s*\"?)(?!\\[REDACTED)([^\\s\"',;&}]+)"),
                    "$1$2[REDACTED]"));

    /** The redacted text and how many values it hid. */
    public record Redacted(String text, int count) {}

    public static Redacted redact(String text) {
        if (text == null) {
            return new Redacted(null, 0);
        }
        String result = text;
        int count = 0;
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern.matcher(result);
            StringBuilder replaced = new StringBuilder();
            while (matcher.find()) {
                count++;
                matcher.appendReplacement(replaced, rule.replacement);
            }
            matcher.appendTail(replaced);
            result = replaced.toString();
        }
        return new Redacted(result, count);
    }

    private SecretRedactor() {}
}

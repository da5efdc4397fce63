package io.incidentsupervisor.domain.diagnosis;

import io.incidentsupervisor.domain.diagnosis.DenialReason.Effect;
import io.incidentsupervisor.domain.diagnosis.DenialReason.PolicyType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads AWS denials out of error text: "User: P is not authorized to perform: A on resource: R because no T allows the A
 * action" and "… with an explicit deny in a T", and, where the message names no action (S3's bare "Access Denied"), the
 * operation botocore names ("when calling the GetObject operation"). Linear in the text's length: plain forward and
 * bounded backward searches over the characters (counted in the tests), no regular expression, at most
 * {@value #MAX_DENIALS} denials a text and {@value #MAX_RESOURCE_LENGTH} characters a resource.
 */
public final class DenialParser {

    static final int MAX_DENIALS = 20;
    static final int MAX_RESOURCE_LENGTH = 2048;

    private static final String NOT_AUTHORIZED = " is not authorized to perform: ";
    private static final String ON_RESOURCE = " on resource: ";
    private static final String BECAUSE_NO = " because no ";
    private static final String EXPLICIT_DENY = " with an explicit deny in ";
    private static final String USER = "User: ";
    private static final String CALLING = "when calling the ";
    private static final String OPERATION = " operation";
    /** How far before "is not authorized" the principal may start. */
    private static final int PRINCIPAL_REACH = 2048;

    private DenialParser() {}

    /** A text to read denials from, and the id of the evidence it is (a log line's, such as {@code logs:4}). */
    public record CitedText(String evidenceId, String text) {}

    /**
     * Every distinct denial in the alert's message and the log lines that carry the failure, in order of appearance,
     * each citing where it was first read.
     */
    public static List<Denial> denials(String errorMessage, List<CitedText> failureLines, String errorType) {
        Map<List<Object>, Denial> found = new LinkedHashMap<>();
        List<CitedText> texts = new ArrayList<>();
        texts.add(new CitedText(Denial.ALERT, errorMessage));
        texts.addAll(failureLines);
        for (CitedText text : texts) {
            for (Denial denial : parse(text.text(), errorType)) {
                if (found.size() < MAX_DENIALS) {
                    found.putIfAbsent(
                            List.of(denial.principal(), denial.action(), denial.resource(), denial.reason()),
                            denial.citing(text.evidenceId()));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** The denials one text states; {@code errorType} names the service when only an operation is given. */
    public static List<Denial> parse(String text, String errorType) {
        return text == null ? new ArrayList<>() : parse((CharSequence) text, errorType);
    }

    static List<Denial> parse(CharSequence text, String errorType) {
        List<Denial> found = new ArrayList<>();
        int from = 0;
        int at;
        // Phrases that turn out not to be denials count too, so no text costs more than a few passes over it.
        for (int tried = 0;
                tried < 2 * MAX_DENIALS
                        && found.size() < MAX_DENIALS
                        && (at = find(text, NOT_AUTHORIZED, from, text.length())) >= 0;
                tried++) {
            int actionStart = at + NOT_AUTHORIZED.length();
            int actionEnd = tokenEnd(text, actionStart);
            int end = clauseEnd(text, actionEnd);
            String principal = principalBefore(text, at);
            String resource = "";
            int reasonFrom = actionEnd;
            if (startsWith(text, ON_RESOURCE, actionEnd)) {
                int resourceStart = actionEnd + ON_RESOURCE.length();
                int resourceEnd = Math.min(
                        firstBefore(text, BECAUSE_NO, resourceStart, end),
                        firstBefore(text, EXPLICIT_DENY, resourceStart, end));
                resource = trimmed(
                        text.subSequence(resourceStart, Math.min(resourceEnd, resourceStart + MAX_RESOURCE_LENGTH))
                                .toString());
                reasonFrom = resourceEnd;
            }
            String action = normalised(text.subSequence(actionStart, Math.min(actionEnd, actionStart + 256))
                    .toString());
            if (action.indexOf(':') > 0) {
                found.add(new Denial(
                        principal, roleOf(principal), action, resource, reasonIn(text, reasonFrom, end), Denial.ALERT));
            }
            from = actionEnd;
        }
        if (found.isEmpty()) {
            bareOperation(text, errorType, found);
        }
        return found;
    }

    /** S3 and older services answer a bare "Access Denied"; botocore still names the operation. */
    private static void bareOperation(CharSequence text, String errorType, List<Denial> found) {
        int calling = find(text, CALLING, 0, text.length());
        if (calling < 0
                || (find(text, "AccessDenied", 0, text.length()) < 0
                        && find(text, "Access Denied", 0, text.length()) < 0)) {
            return;
        }
        int nameStart = calling + CALLING.length();
        int nameEnd = tokenEnd(text, nameStart);
        if (nameEnd > nameStart && nameEnd - nameStart <= 128 && startsWith(text, OPERATION, nameEnd)) {
            String operation = text.subSequence(nameStart, nameEnd).toString();
            found.add(new Denial(
                    "", "", OperationActions.actionFor(operation, errorType), "", DenialReason.UNKNOWN, Denial.ALERT));
        }
    }

    private static DenialReason reasonIn(CharSequence text, int from, int end) {
        int implicit = firstBefore(text, BECAUSE_NO, from, end);
        if (implicit < end) {
            return new DenialReason(Effect.IMPLICIT, policyTypeAt(text, implicit + BECAUSE_NO.length()));
        }
        int explicit = firstBefore(text, EXPLICIT_DENY, from, end);
        if (explicit < end) {
            int words = explicit + EXPLICIT_DENY.length();
            words += startsWith(text, "an ", words) ? 3 : startsWith(text, "a ", words) ? 2 : 0;
            PolicyType type = policyTypeAt(text, words);
            return new DenialReason(
                    Effect.EXPLICIT,
                    type,
                    policyArnAfter(text, words + type.words().length(), end));
        }
        return DenialReason.UNKNOWN;
    }

    /** The ARN AWS now gives after the policy type ("… service control policy: arn:aws:organizations::…"), or empty. */
    private static String policyArnAfter(CharSequence text, int at, int end) {
        int start = startsWith(text, ": ", at) ? at + 2 : at + 1;
        if (at >= end || !startsWith(text, "arn:", start)) {
            return "";
        }
        int arnEnd = Math.min(Math.min(tokenEnd(text, start), end), start + MAX_RESOURCE_LENGTH);
        return trimmed(text.subSequence(start, arnEnd).toString());
    }

    private static PolicyType policyTypeAt(CharSequence text, int at) {
        for (PolicyType type : PolicyType.values()) {
            if (type != PolicyType.UNKNOWN && startsWith(text, type.words(), at)) {
                return type;
            }
        }
        return PolicyType.UNKNOWN;
    }

    /** "User: P" before the phrase, or the word just before it. */
    private static String principalBefore(CharSequence text, int at) {
        int lower = Math.max(0, at - PRINCIPAL_REACH);
        int user = findLast(text, USER, lower, at);
        int start = user >= 0 ? user + USER.length() : at;
        if (user < 0) {
            while (start > lower && !Character.isWhitespace(text.charAt(start - 1))) {
                start--;
            }
        }
        return trimmed(text.subSequence(start, at).toString());
    }

    /** The role an assumed-role session or a role ARN names; empty for users and services. */
    static String roleOf(String principal) {
        int assumed = principal.indexOf(":assumed-role/");
        if (assumed >= 0) {
            int start = assumed + ":assumed-role/".length();
            int slash = principal.indexOf('/', start);
            return principal.substring(start, slash < 0 ? principal.length() : slash);
        }
        int role = principal.indexOf(":role/");
        if (role >= 0) {
            return principal.substring(principal.lastIndexOf('/') + 1);
        }
        return "";
    }

    /** {@code SNS:Publish} → {@code sns:Publish}: IAM service prefixes are lower case; trailing punctuation goes. */
    private static String normalised(String action) {
        String trimmed = trimmed(action);
        int colon = trimmed.indexOf(':');
        return colon < 0 ? trimmed : trimmed.substring(0, colon).toLowerCase(Locale.ROOT) + trimmed.substring(colon);
    }

    private static String trimmed(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isEdge(value.charAt(start))) {
            start++;
        }
        while (end > start && isEdge(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isEdge(char c) {
        return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '.' || c == ',' || c == ';' || c == '`';
    }

    private static int tokenEnd(CharSequence text, int from) {
        int end = from;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end)) && text.charAt(end) != '"') {
            end++;
        }
        return end;
    }

    /** Where one denial's words end: the line's end or the next denial, whichever comes first. */
    private static int clauseEnd(CharSequence text, int from) {
        int newline = find(text, "\n", from, text.length());
        int end = newline < 0 ? text.length() : newline;
        int next = find(text, NOT_AUTHORIZED, from, end);
        return next < 0 ? end : next;
    }

    /** The first {@code phrase} in [from, end), or {@code end}. */
    private static int firstBefore(CharSequence text, String phrase, int from, int end) {
        int at = find(text, phrase, from, end);
        return at < 0 ? end : at;
    }

    /** Where {@code phrase} first starts in [from, to), or -1. */
    private static int find(CharSequence text, String phrase, int from, int to) {
        for (int at = from; at + phrase.length() <= to; at++) {
            if (startsWith(text, phrase, at)) {
                return at;
            }
        }
        return -1;
    }

    /** Where {@code phrase} last starts in [from, to), or -1. */
    private static int findLast(CharSequence text, String phrase, int from, int to) {
        for (int at = to - phrase.length(); at >= from; at--) {
            if (startsWith(text, phrase, at)) {
                return at;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence text, String phrase, int at) {
        if (at < 0 || at + phrase.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < phrase.length(); i++) {
            if (text.charAt(at + i) != phrase.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

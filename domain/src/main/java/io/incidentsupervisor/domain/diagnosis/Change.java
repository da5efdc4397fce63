package io.incidentsupervisor.domain.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A change CloudTrail recorded that can take a permission away: to the role's policies, to a managed policy's default
 * version, to the function (its role, its code or configuration), to the denied resource's own policy, or to an
 * organization policy. {@code target} is what was changed (the role's name, the policy's ARN, the function's name, the
 * resource's ARN, the organization policy's id); {@code policyName} the policy it concerns (an inline policy's name, a
 * managed policy's or boundary's ARN); {@code policy} the document the change put in place and {@code before} the one it
 * replaced, each null when it could not be read; {@code previous} and {@code current} what the change moved from and to
 * (a managed policy's default version ids, the function's earlier and new role ARN, the deployed code's SHA-256, the
 * target an organization policy was attached to), empty when unknown; {@code beforeDeleted} that the replaced version
 * no longer exists; {@code sharedWith} the other roles a managed policy is attached to.
 */
public record Change(
        String eventId,
        String eventName,
        Instant time,
        String actorArn,
        String actorType,
        Subject subject,
        String target,
        String policyName,
        Policy policy,
        Policy before,
        String previous,
        String current,
        boolean beforeDeleted,
        List<String> sharedWith) {

    /** What the change is to, and so where CloudTrail records it and how it explains a denial. */
    public enum Subject {
        ROLE,
        MANAGED_POLICY,
        FUNCTION,
        RESOURCE_POLICY,
        ORGANIZATION_POLICY
    }

    public Change {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        actorArn = actorArn == null ? "" : actorArn;
        actorType = actorType == null ? "" : actorType;
        target = target == null ? "" : target;
        policyName = policyName == null ? "" : policyName;
        previous = previous == null ? "" : previous;
        current = current == null ? "" : current;
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
    }

    /** A change to a role's own policies: attached, detached, inline put or deleted, a boundary. */
    public Change(
            String eventId,
            String eventName,
            Instant time,
            String actorArn,
            String actorType,
            String roleName,
            String policyName,
            Policy policy) {
        this(
                eventId,
                eventName,
                time,
                actorArn,
                actorType,
                Subject.ROLE,
                roleName,
                policyName,
                policy,
                null,
                "",
                "",
                false,
                List.of());
    }

    /** The same change, with the other roles that use its policy. */
    public Change withSharedWith(List<String> roles) {
        return new Change(
                eventId,
                eventName,
                time,
                actorArn,
                actorType,
                subject,
                target,
                policyName,
                policy,
                before,
                previous,
                current,
                beforeDeleted,
                roles);
    }

    /** The event's name without the API version CloudTrail appends to some services' names. */
    public String action() {
        return baseName(eventName);
    }

    /**
     * {@code UpdateFunctionConfiguration20150331v2} → {@code UpdateFunctionConfiguration}: Lambda (and a few other
     * services) record their event names with the API version's date and revision appended, so an exact match on the
     * operation's name finds nothing.
     */
    public static String baseName(String eventName) {
        int end = eventName.length();
        int v = end;
        while (v > 0 && Character.isDigit(eventName.charAt(v - 1))) {
            v--;
        }
        if (v < end && v > 0 && eventName.charAt(v - 1) == 'v') {
            end = v - 1;
        }
        int date = end;
        while (date > 0 && Character.isDigit(eventName.charAt(date - 1))) {
            date--;
        }
        return end - date == 8 && date > 0 ? eventName.substring(0, date) : eventName;
    }
}

package io.incidentsupervisor.domain.diagnosis;

import java.time.Instant;
import java.util.Objects;

/**
 * A change to a role, as CloudTrail recorded it: the event's name and id, when, who (ARN and identity type), the policy
 * it concerns (an inline policy's name, a managed policy's or a boundary's ARN), and the policy's document where the
 * event or IAM gives it: the new document of a {@code PutRolePolicy}, the detached or attached managed policy's
 * current default version, the boundary's. {@code policy} is null when no document could be read.
 */
public record RoleChange(
        String eventId,
        String eventName,
        Instant time,
        String actorArn,
        String actorType,
        String roleName,
        String policyName,
        Policy policy) {

    public RoleChange {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(time, "time");
        actorArn = actorArn == null ? "" : actorArn;
        actorType = actorType == null ? "" : actorType;
        roleName = roleName == null ? "" : roleName;
        policyName = policyName == null ? "" : policyName;
    }
}

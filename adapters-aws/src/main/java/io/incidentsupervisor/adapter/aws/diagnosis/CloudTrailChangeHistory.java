package io.incidentsupervisor.adapter.aws.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentsupervisor.adapter.aws.diagnosis.CloudTrailLookups.Recorded;
import io.incidentsupervisor.application.port.out.ChangeHistory;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Change.Subject;
import io.incidentsupervisor.domain.diagnosis.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The change histories from CloudTrail's event history: IAM's and Organizations' events in us-east-1 (where they are
 * recorded), the function's and its resources' in the function's Region. Event names are matched without their API
 * version suffix ({@code UpdateFunctionConfiguration20150331v2}), within their service's event source. A managed
 * policy's versions are read by {@link ManagedPolicyVersions}; the documents the other events concern come from the
 * events themselves, or from IAM for an attached, detached or boundary policy.
 */
public final class CloudTrailChangeHistory implements ChangeHistory {

    /** The role-policy events that can take a permission away (or give it back). */
    static final Set<String> ROLE_EVENTS = Set.of(
            "AttachRolePolicy",
            "DetachRolePolicy",
            "PutRolePolicy",
            "DeleteRolePolicy",
            "PutRolePermissionsBoundary",
            "DeleteRolePermissionsBoundary");

    static final Set<String> FUNCTION_EVENTS = Set.of("UpdateFunctionConfiguration", "UpdateFunctionCode");

    private final CloudTrailLookups global;
    private final CloudTrailLookups home;
    private final IamPolicies policies;
    private final ManagedPolicyVersions versions;

    /**
     * @param global CloudTrail in us-east-1, where IAM and Organizations record their events
     * @param home CloudTrail in the supervised functions' Region
     * @param pace the least time between two requests to one Region: half a second keeps within 2 a second
     */
    public CloudTrailChangeHistory(CloudTrailClient global, CloudTrailClient home, IamClient iam, Duration pace) {
        this.global = new CloudTrailLookups(global, pace);
        this.home = global == home ? this.global : new CloudTrailLookups(home, pace);
        this.policies = new IamPolicies(iam);
        this.versions = new ManagedPolicyVersions(iam);
    }

    @Override
    public List<Change> ofRole(String roleName, Instant from, Instant to) {
        List<Change> changes = new ArrayList<>();
        for (Recorded recorded : global.of(roleName, "iam.amazonaws.com", ROLE_EVENTS, from, to)) {
            JsonNode request = recorded.request();
            String policyName =
                    text(request, "policyName", text(request, "policyArn", text(request, "permissionsBoundary", "")));
            changes.add(recorded.change(
                    Subject.ROLE,
                    text(request, "roleName", roleName),
                    policyName,
                    roleDocument(Change.baseName(recorded.event().eventName()), request, policyName),
                    null,
                    "",
                    "",
                    false,
                    List.of()));
        }
        return changes;
    }

    @Override
    public List<Change> ofManagedPolicy(String policyArn, Instant from, Instant to) {
        List<Recorded> events = global.of(policyArn, "iam.amazonaws.com", ManagedPolicyVersions.EVENTS, from, to);
        return events.isEmpty() ? List.of() : versions.changes(policyArn, events);
    }

    /** Role swaps and deploys: {@code requestParameters.role} names a new role, a code update its SHA-256. */
    @Override
    public List<Change> ofFunction(String functionName, Instant from, Instant to) {
        List<Change> changes = new ArrayList<>();
        String role = "";
        String code = "";
        for (Recorded recorded : home.of(functionName, "lambda.amazonaws.com", FUNCTION_EVENTS, from, to)) {
            boolean codeUpdate = Change.baseName(recorded.event().eventName()).equals("UpdateFunctionCode");
            String newRole = codeUpdate ? "" : text(recorded.request(), "role", "");
            String newCode = codeUpdate ? text(recorded.response(), "codeSha256", "") : "";
            String earlier = codeUpdate ? code : role;
            changes.add(recorded.change(
                    Subject.FUNCTION,
                    functionName,
                    "",
                    null,
                    null,
                    newRole.isEmpty() && newCode.isEmpty() ? "" : earlier,
                    codeUpdate ? newCode : newRole,
                    false,
                    List.of()));
            role = text(recorded.response(), "role", newRole.isEmpty() ? role : newRole);
            code = newCode.isEmpty() ? code : newCode;
        }
        return changes;
    }

    @Override
    public List<Change> ofResourcePolicy(String resourceArn, Instant from, Instant to) {
        ResourcePolicyEvents kind = ResourcePolicyEvents.of(resourceArn);
        if (kind == null) {
            throw new EvidenceUnavailable(
                    "Unsupported", "", "no resource-based policy history is read for " + resourceArn, "", null);
        }
        List<Change> changes = new ArrayList<>();
        Policy before = null;
        for (Recorded recorded : home.of(kind.resourceName(resourceArn), kind.source(), kind.names(), from, to)) {
            if (!kind.concernsPolicy(recorded.request())) {
                continue;
            }
            Policy after = kind.policy(resourceArn, recorded);
            changes.add(
                    recorded.change(Subject.RESOURCE_POLICY, resourceArn, "", after, before, "", "", false, List.of()));
            before = after;
        }
        return changes;
    }

    @Override
    public List<Change> ofOrganizationPolicy(String policyId, Instant from, Instant to) {
        List<Change> changes = new ArrayList<>();
        Policy before = null;
        for (Recorded recorded : global.of(
                policyId,
                "organizations.amazonaws.com",
                Set.of("UpdatePolicy", "AttachPolicy", "DetachPolicy"),
                from,
                to)) {
            JsonNode request = recorded.request();
            String content = text(request, "content", "");
            Policy after = content.isEmpty() ? null : PolicyDocuments.parse(Policy.Kind.MANAGED, policyId, content);
            changes.add(recorded.change(
                    Subject.ORGANIZATION_POLICY,
                    text(request, "policyId", policyId),
                    "",
                    after,
                    after == null ? null : before,
                    "",
                    text(request, "targetId", ""),
                    false,
                    List.of()));
            before = after == null ? before : after;
        }
        return changes;
    }

    /** The document a role change concerns, or null when there is none to read (a deletion) or IAM will not give it. */
    private Policy roleDocument(String eventName, JsonNode request, String policyName) {
        try {
            return switch (eventName) {
                case "PutRolePolicy" ->
                    PolicyDocuments.parse(
                            Policy.Kind.INLINE,
                            policyName,
                            request.path("policyDocument").asText("{}"));
                case "AttachRolePolicy", "DetachRolePolicy" -> policies.managed(policyName, Policy.Kind.MANAGED);
                case "PutRolePermissionsBoundary" -> policies.managed(policyName, Policy.Kind.PERMISSIONS_BOUNDARY);
                default -> null;
            };
        } catch (EvidenceUnavailable deletedOrDenied) {
            // A deleted managed policy, or IAM refusing: the change is still recorded, without its document.
            return null;
        }
    }

    static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : fallback;
    }
}

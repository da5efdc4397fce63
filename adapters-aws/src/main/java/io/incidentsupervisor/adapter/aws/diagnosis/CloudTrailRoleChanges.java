package io.incidentsupervisor.adapter.aws.diagnosis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.application.port.out.RoleChanges;
import io.incidentsupervisor.domain.diagnosis.Policy;
import io.incidentsupervisor.domain.diagnosis.RoleChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A role's policy changes from CloudTrail's event history ({@code LookupEvents} by resource name, in us-east-1, where IAM
 * events are recorded), with the documents they concern: a {@code PutRolePolicy}'s new document from the event, an
 * attached or detached managed policy's and a boundary's current document from IAM. Pages are paced to CloudTrail's 2
 * requests per second, at most {@value #MAX_PAGES} of them, and a repeated page token ends the walk.
 */
public final class CloudTrailRoleChanges implements RoleChanges {

    static final int MAX_PAGES = 10;
    /** The role-policy events that can take a permission away (or give it back). */
    static final Set<String> POLICY_EVENTS = Set.of(
            "AttachRolePolicy",
            "DetachRolePolicy",
            "PutRolePolicy",
            "DeleteRolePolicy",
            "PutRolePermissionsBoundary",
            "DeleteRolePermissionsBoundary");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudTrailClient cloudTrail;
    private final IamPolicies policies;
    private final Duration pace;

    /** @param pace the pause between two pages: half a second keeps within CloudTrail's 2 requests per second */
    public CloudTrailRoleChanges(CloudTrailClient cloudTrail, IamClient iam, Duration pace) {
        this.cloudTrail = cloudTrail;
        this.policies = new IamPolicies(iam);
        this.pace = pace;
    }

    @Override
    public List<RoleChange> of(String roleName, Instant from, Instant to) {
        LookupAttribute byRole = LookupAttribute.builder()
                .attributeKey(LookupAttributeKey.RESOURCE_NAME)
                .attributeValue(roleName)
                .build();
        List<RoleChange> changes = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            if (page > 0) {
                pause();
            }
            String next = token;
            LookupEventsResponse response;
            try {
                response = cloudTrail.lookupEvents(b -> b.lookupAttributes(byRole)
                        .startTime(from)
                        .endTime(to)
                        .maxResults(50)
                        .nextToken(next));
            } catch (SdkException e) {
                throw IamPolicies.unavailable(e);
            }
            for (Event event : response.events()) {
                if (POLICY_EVENTS.contains(event.eventName())) {
                    changes.add(change(event, roleName));
                }
            }
            token = response.nextToken();
            if (token == null || token.isEmpty() || !tokens.add(token)) {
                break;
            }
        }
        changes.sort(Comparator.comparing(RoleChange::time));
        return changes;
    }

    private RoleChange change(Event event, String roleName) {
        JsonNode record;
        try {
            record = JSON.readTree(event.cloudTrailEvent());
        } catch (JsonProcessingException e) {
            throw new EvidenceUnavailable(
                    "Unreadable", "", "CloudTrail event " + event.eventId() + " is not JSON", "", e);
        }
        JsonNode request = record.path("requestParameters");
        String policyName =
                text(request, "policyName", text(request, "policyArn", text(request, "permissionsBoundary", "")));
        return new RoleChange(
                event.eventId(),
                event.eventName(),
                event.eventTime(),
                record.path("userIdentity").path("arn").asText(event.username()),
                record.path("userIdentity").path("type").asText(""),
                text(request, "roleName", roleName),
                policyName,
                document(event.eventName(), request, policyName));
    }

    /** The document the change concerns, or null when there is none to read (a deletion) or IAM will not give it. */
    private Policy document(String eventName, JsonNode request, String policyName) {
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

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : fallback;
    }

    private void pause() {
        try {
            Thread.sleep(pace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvidenceUnavailable("Timeout", "", "Interrupted between CloudTrail pages", "", e);
        }
    }
}

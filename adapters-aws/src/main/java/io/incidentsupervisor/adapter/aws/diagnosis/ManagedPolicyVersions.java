package io.incidentsupervisor.adapter.aws.diagnosis;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentsupervisor.adapter.aws.AwsFailure;
import io.incidentsupervisor.adapter.aws.diagnosis.CloudTrailLookups.Recorded;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Change.Subject;
import io.incidentsupervisor.domain.diagnosis.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A customer-managed policy's new default versions ({@code CreatePolicyVersion} with {@code setAsDefault},
 * {@code SetDefaultPolicyVersion}), each with the version it replaced: the one the previous such event made default,
 * else, for a created version {@code vN}, {@code vN-1}. Both documents are read with {@code GetPolicyVersion}; a
 * replaced version since deleted is said so, with its document where a {@code CreatePolicyVersion} in the look-back
 * holds it.
 */
final class ManagedPolicyVersions {

    static final Set<String> EVENTS = Set.of("CreatePolicyVersion", "SetDefaultPolicyVersion");

    private final IamClient iam;

    ManagedPolicyVersions(IamClient iam) {
        this.iam = iam;
    }

    List<Change> changes(String policyArn, List<Recorded> events) {
        List<Change> changes = new ArrayList<>();
        String defaultVersion = "";
        for (Recorded recorded : events) {
            boolean created = Change.baseName(recorded.event().eventName()).equals("CreatePolicyVersion");
            if (created && !recorded.request().path("setAsDefault").asBoolean(false)) {
                continue;
            }
            String current = created
                    ? recorded.response()
                            .path("policyVersion")
                            .path("versionId")
                            .asText("")
                    : CloudTrailChangeHistory.text(recorded.request(), "versionId", "");
            String previous = !defaultVersion.isEmpty() ? defaultVersion : created ? before(current) : "";
            Policy after = version(policyArn, current).document();
            Version earlier = previous.isEmpty() ? new Version(null, false) : version(policyArn, previous);
            boolean deleted = earlier.deleted();
            Policy before = deleted ? createdIn(events, previous, policyArn) : earlier.document();
            changes.add(recorded.change(
                    Subject.MANAGED_POLICY,
                    policyArn,
                    policyArn,
                    after,
                    before,
                    previous,
                    current,
                    deleted,
                    List.of()));
            defaultVersion = current;
        }
        return changes;
    }

    /** {@code v3} → {@code v2}: IAM numbers a policy's versions one after another. */
    private static String before(String version) {
        try {
            int number = Integer.parseInt(version.substring(1));
            return version.startsWith("v") && number > 1 ? "v" + (number - 1) : "";
        } catch (NumberFormatException | StringIndexOutOfBoundsException notIams) {
            return "";
        }
    }

    /** A version as IAM gives it: its document (null when IAM does not give it), and whether it no longer exists. */
    private record Version(Policy document, boolean deleted) {}

    private Version version(String policyArn, String versionId) {
        try {
            String document = iam.getPolicyVersion(b -> b.policyArn(policyArn).versionId(versionId))
                    .policyVersion()
                    .document();
            return new Version(PolicyDocuments.parse(Policy.Kind.MANAGED, policyArn, document), false);
        } catch (SdkException e) {
            return new Version(null, AwsFailure.of(e).kind() == AwsFailure.Kind.NOT_FOUND);
        }
    }

    /** The document a {@code CreatePolicyVersion} in the look-back gave the version, or null. */
    private static Policy createdIn(List<Recorded> events, String versionId, String policyArn) {
        for (Recorded recorded : events) {
            JsonNode version = recorded.response().path("policyVersion");
            if (versionId.equals(version.path("versionId").asText())
                    && recorded.request().path("policyDocument").isTextual()) {
                return PolicyDocuments.parse(
                        Policy.Kind.MANAGED,
                        policyArn,
                        recorded.request().path("policyDocument").asText());
            }
        }
        return null;
    }
}

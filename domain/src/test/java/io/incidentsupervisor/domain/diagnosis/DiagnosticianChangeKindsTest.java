package io.incidentsupervisor.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.diagnosis.Change.Subject;
import io.incidentsupervisor.domain.diagnosis.DenialReason.Effect;
import io.incidentsupervisor.domain.diagnosis.DenialReason.PolicyType;
import io.incidentsupervisor.domain.diagnosis.Diagnosis.ChangeEvidence;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verdict for the kinds of change beyond the role's own policies: a managed policy's new default version, a role
 * swap, a deploy, a resource-based policy, an organization policy; and denials outside the role never pinned on it.
 */
class DiagnosticianChangeKindsTest {

    private static final Instant INCIDENT = Instant.parse("2026-11-23T08:00:00Z");
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE = "data-processor-role";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/" + ROLE;
    private static final String OBJECT = "arn:aws:s3:::orders-prod-eu/in/1.csv";
    private static final String BUCKET = "arn:aws:s3:::orders-prod-eu";
    private static final String OPERATOR = "arn:aws:iam::" + ACCOUNT + ":user/ops-alice";
    private static final String MANAGED = "arn:aws:iam::" + ACCOUNT + ":policy/orders-read";
    private static final String SCP =
            "arn:aws:organizations::999988887777:policy/o-a1b2c3d4e5/service_control_policy/p-deny3s";
    private static final PolicyStatement READ_ORDERS = new PolicyStatement(
            "ReadOrders",
            true,
            List.of("s3:GetObject"),
            List.of(BUCKET + "/*"),
            false,
            "{\"Sid\":\"ReadOrders\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"" + BUCKET
                    + "/*\"}");
    private static final PolicyStatement WRITE_RESULTS = new PolicyStatement(
            "WriteResults",
            true,
            List.of("dynamodb:PutItem"),
            List.of("*"),
            false,
            "{\"Sid\":\"WriteResults\",\"Effect\":\"Allow\",\"Action\":\"dynamodb:PutItem\",\"Resource\":\"*\"}");

    @Test
    void aManagedPolicysNewDefaultVersionWithoutTheStatementIsTheSuspectAndTheRevertSetsThePreviousVersion() {
        Change version = managed(
                "CreatePolicyVersion",
                "v2",
                "v3",
                policy(WRITE_RESULTS),
                policy(READ_ORDERS, WRITE_RESULTS),
                false,
                List.of("report-builder-role"));

        Diagnosis diagnosis = diagnose(
                denial(Effect.IMPLICIT, PolicyType.IDENTITY, ""), role(policy(WRITE_RESULTS)), List.of(version));

        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.FOUND);
        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("CreatePolicyVersion");
        assertThat(diagnosis.suspectedChange().actorArn()).isEqualTo(OPERATOR);
        assertThat(diagnosis.suspectedChange().removed()).isEqualTo(READ_ORDERS.json());
        assertThat(diagnosis.suspectedChange().atRisk()).containsExactly("report-builder-role");
        assertThat(diagnosis.revert())
                .isEqualTo("aws iam set-default-policy-version --policy-arn " + MANAGED + " --version-id v2");
    }

    @Test
    void aDeletedPreviousVersionIsSaidAndItsDocumentFromCloudTrailIsTheRevert() {
        Policy before = policy(READ_ORDERS, WRITE_RESULTS);
        Change version = managed("SetDefaultPolicyVersion", "v2", "v4", policy(WRITE_RESULTS), before, true, List.of());

        Diagnosis diagnosis = diagnose(
                denial(Effect.IMPLICIT, PolicyType.IDENTITY, ""), role(policy(WRITE_RESULTS)), List.of(version));

        assertThat(diagnosis.suspectedChange().explanation()).contains("version v2 has since been deleted");
        assertThat(diagnosis.revert())
                .isEqualTo("aws iam create-policy-version --policy-arn " + MANAGED
                        + " --policy-document file://orders-read.json --set-as-default");
        assertThat(diagnosis.revertDocument()).isEqualTo(before.document());
    }

    @Test
    void aRoleSwapRecordedWithItsApiVersionSuffixIsTheSuspectAndTheRevertSwapsBack() {
        String old = "arn:aws:iam::" + ACCOUNT + ":role/data-processor-old";
        Change swap = function("UpdateFunctionConfiguration20150331v2", old, ROLE_ARN);

        Diagnosis diagnosis =
                diagnose(denial(Effect.IMPLICIT, PolicyType.IDENTITY, ""), role(policy(WRITE_RESULTS)), List.of(swap));

        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.FOUND);
        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("UpdateFunctionConfiguration20150331v2");
        assertThat(diagnosis.suspectedChange().explanation()).contains("from role " + old);
        assertThat(diagnosis.revert())
                .isEqualTo("aws lambda update-function-configuration --function-name data-processor --role " + old);
    }

    @Test
    void aDeployWithNoRoleChangeGetsTheLeastPrivilegeGrantForExactlyTheDeniedActionAndResource() {
        Change deploy = function("UpdateFunctionCode20150331v2", "", "sha256-new");
        Change unrelated =
                roleChange("DetachRolePolicy", "arn:aws:iam::" + ACCOUNT + ":policy/dynamo", policy(WRITE_RESULTS));

        Diagnosis diagnosis = diagnose(
                denial(Effect.IMPLICIT, PolicyType.IDENTITY, ""),
                role(policy(WRITE_RESULTS)),
                List.of(unrelated, deploy));

        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.FOUND);
        assertThat(diagnosis.suspectedChange().eventId()).isEqualTo(deploy.eventId());
        assertThat(diagnosis.suspectedChange().removed()).contains("sha256-new");
        assertThat(diagnosis.revert()).isEmpty();
        assertThat(diagnosis.suggestedGrant())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowDeniedAction\",\"Effect\":"
                        + "\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"" + OBJECT + "\"}]}");
    }

    @Test
    void aBucketPolicyChangeAddingADenyIsTheSuspectOfAResourceBasedDenial() {
        PolicyStatement deny = new PolicyStatement(
                "NoReads",
                false,
                List.of("s3:GetObject"),
                List.of(BUCKET + "/*"),
                false,
                "{\"Sid\":\"NoReads\",\"Effect\":\"Deny\"}",
                List.of("*"));
        PolicyStatement other = new PolicyStatement(
                "Tls", false, List.of("s3:*"), List.of(BUCKET + "/*"), true, "{\"Sid\":\"Tls\"}", List.of("*"));
        Change bucket = new Change(
                "event-bucket",
                "PutBucketPolicy",
                INCIDENT.minusSeconds(90),
                OPERATOR,
                "IAMUser",
                Subject.RESOURCE_POLICY,
                BUCKET,
                "",
                policy(other, deny),
                null,
                "",
                "",
                false,
                List.of());
        Change detach = roleChange("DetachRolePolicy", MANAGED, policy(READ_ORDERS));

        Diagnosis diagnosis = diagnose(
                denial(Effect.EXPLICIT, PolicyType.RESOURCE, ""), role(policy(WRITE_RESULTS)), List.of(detach, bucket));

        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("PutBucketPolicy");
        assertThat(diagnosis.suspectedChange().removed()).isEqualTo("added: " + deny.json());
        assertThat(diagnosis.revert())
                .isEqualTo("aws s3api put-bucket-policy --bucket orders-prod-eu --policy file://bucket-policy.json");
        assertThat(diagnosis.revertDocument())
                .as("the earlier policy is not known: today's without the denying statement")
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Tls\"}]}");
        assertThat(diagnosis.deniedElsewhere()).contains("resource-based policy of " + OBJECT);
    }

    @Test
    void whenTheRoleAllowsTheActionNowTheBucketsNewDenyExplainsAnIdentityDenialAndNoDeployIsBlamed() {
        PolicyStatement deny = new PolicyStatement(
                "NoReads",
                false,
                List.of("s3:GetObject"),
                List.of(BUCKET + "/*"),
                false,
                "{\"Sid\":\"NoReads\",\"Effect\":\"Deny\"}",
                List.of(ROLE_ARN));
        Change bucket = new Change(
                "event-bucket",
                "PutBucketPolicy",
                INCIDENT.minusSeconds(90),
                OPERATOR,
                "IAMUser",
                Subject.RESOURCE_POLICY,
                BUCKET,
                "",
                policy(deny),
                null,
                "",
                "",
                false,
                List.of());
        Change deploy = function("UpdateFunctionCode20150331v2", "", "sha256-new");
        Policy now = policy(deny);

        Diagnosis diagnosis = Diagnostician.diagnose(
                INCIDENT,
                INCIDENT.plusSeconds(60),
                new Diagnostician.Evidence(
                        List.of(denial(Effect.IMPLICIT, PolicyType.UNKNOWN, "")),
                        role(policy(READ_ORDERS)),
                        List.of(),
                        List.of(deploy, bucket),
                        EnumSet.allOf(Subject.class),
                        List.of(),
                        now));

        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("PutBucketPolicy");
        assertThat(diagnosis.suggestedGrant()).isEmpty();
        assertThat(diagnosis.deniedElsewhere())
                .isEqualTo("statement NoReads of the resource's policy denies s3:GetObject now");
    }

    @Test
    void aRoleChangeSinceUndoneStillExplainsTheDenialItCaused() {
        Change detach = roleChange("DetachRolePolicy", MANAGED, policy(READ_ORDERS));

        Diagnosis diagnosis =
                diagnose(denial(Effect.IMPLICIT, PolicyType.IDENTITY, ""), role(policy(READ_ORDERS)), List.of(detach));

        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("DetachRolePolicy");
    }

    @Test
    void anScpDenialNamesThePolicyAndIsNeverPinnedOnARoleChange() {
        Change detach = roleChange("DetachRolePolicy", MANAGED, policy(READ_ORDERS));

        Diagnosis diagnosis = diagnose(
                denial(Effect.EXPLICIT, PolicyType.SERVICE_CONTROL, SCP), role(policy(WRITE_RESULTS)), List.of(detach));

        assertThat(diagnosis.suspectedChange()).isNull();
        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.OUT_OF_VIEW);
        assertThat(diagnosis.deniedElsewhere()).contains(SCP).contains("can neither see nor change");
    }

    @Test
    void withTheOrganizationsEventsTheScpChangeIsFound() {
        Change update = new Change(
                "event-scp",
                "UpdatePolicy",
                INCIDENT.minusSeconds(600),
                "arn:aws:iam::999988887777:user/org-admin",
                "IAMUser",
                Subject.ORGANIZATION_POLICY,
                "p-deny3s",
                "",
                null,
                null,
                "",
                "",
                false,
                List.of());

        Diagnosis diagnosis = Diagnostician.diagnose(
                INCIDENT,
                INCIDENT.plusSeconds(60),
                new Diagnostician.Evidence(
                        List.of(denial(Effect.EXPLICIT, PolicyType.SERVICE_CONTROL, SCP)),
                        role(policy(WRITE_RESULTS)),
                        List.of(),
                        List.of(update),
                        EnumSet.allOf(Subject.class),
                        List.of()));

        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.FOUND);
        assertThat(diagnosis.suspectedChange().eventId()).isEqualTo("event-scp");
        assertThat(diagnosis.suspectedChange().actorArn()).isEqualTo("arn:aws:iam::999988887777:user/org-admin");
    }

    @Test
    void aResourceBasedDenialIsNeverPinnedOnARoleChange() {
        Change detach = roleChange("DetachRolePolicy", MANAGED, policy(READ_ORDERS));

        Diagnosis diagnosis = diagnose(
                denial(Effect.EXPLICIT, PolicyType.RESOURCE, ""), role(policy(WRITE_RESULTS)), List.of(detach));

        assertThat(diagnosis.suspectedChange()).isNull();
    }

    @Test
    void aDeletedInlinePolicyWhoseDocumentIsNotInTheLookBackIsStillNamed() {
        Change deleted = roleChange("DeleteRolePolicy", "orders-read-inline", null);

        Diagnosis diagnosis = diagnose(
                denial(Effect.IMPLICIT, PolicyType.IDENTITY, ""), role(policy(WRITE_RESULTS)), List.of(deleted));

        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.FOUND);
        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("DeleteRolePolicy");
        assertThat(diagnosis.suspectedChange().explanation()).contains("earlier document is not in the look-back");
    }

    @Test
    void aDenyAddedWithNoEarlierDocumentGetsTodaysDocumentWithoutTheDenyAsItsRevert() {
        PolicyStatement deny = new PolicyStatement(
                "NoReads", false, List.of("s3:Get*"), List.of("*"), false, "{\"Sid\":\"NoReads\",\"Effect\":\"Deny\"}");
        Change put = roleChange("PutRolePolicy", "guard", policy(WRITE_RESULTS, deny));

        Diagnosis diagnosis =
                diagnose(denial(Effect.EXPLICIT, PolicyType.IDENTITY, ""), role(policy(WRITE_RESULTS)), List.of(put));

        assertThat(diagnosis.revert())
                .isEqualTo("aws iam put-role-policy --role-name " + ROLE
                        + " --policy-name guard --policy-document file://guard.json");
        assertThat(diagnosis.revertDocument())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[" + WRITE_RESULTS.json() + "]}");
        assertThat(diagnosis.suspectedChange().explanation()).contains("earlier document is not in the look-back");
    }

    @Test
    void eventNamesLoseTheirApiVersionSuffixOnly() {
        assertThat(Change.baseName("UpdateFunctionConfiguration20150331v2")).isEqualTo("UpdateFunctionConfiguration");
        assertThat(Change.baseName("UpdateFunctionCode20150331v2")).isEqualTo("UpdateFunctionCode");
        assertThat(Change.baseName("AddPermission20150331")).isEqualTo("AddPermission");
        assertThat(Change.baseName("PutRolePolicy")).isEqualTo("PutRolePolicy");
        assertThat(Change.baseName("CreatePolicyVersion")).isEqualTo("CreatePolicyVersion");
        assertThat(Change.baseName("Get2")).isEqualTo("Get2");
    }

    private static Diagnosis diagnose(Denial denial, RoleState role, List<Change> changes) {
        return Diagnostician.diagnose(
                INCIDENT,
                INCIDENT.plusSeconds(60),
                new Diagnostician.Evidence(
                        List.of(denial),
                        role,
                        List.of(),
                        changes,
                        EnumSet.of(Subject.ROLE, Subject.MANAGED_POLICY, Subject.FUNCTION, Subject.RESOURCE_POLICY),
                        List.of()));
    }

    private static Denial denial(Effect effect, PolicyType type, String policyArn) {
        return new Denial(
                "arn:aws:sts::" + ACCOUNT + ":assumed-role/" + ROLE + "/data-processor",
                ROLE,
                "s3:GetObject",
                OBJECT,
                new DenialReason(effect, type, policyArn),
                "alert");
    }

    private static RoleState role(Policy... policies) {
        return new RoleState(ROLE, ROLE_ARN, List.of(policies));
    }

    private static Policy policy(PolicyStatement... statements) {
        StringBuilder document = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < statements.length; i++) {
            document.append(i == 0 ? "" : ",").append(statements[i].json());
        }
        return new Policy(
                Policy.Kind.MANAGED,
                MANAGED,
                List.of(statements),
                document.append("]}").toString());
    }

    private static int sequence;

    private static Change roleChange(String name, String policyName, Policy policy) {
        return new Change(
                "event-" + (++sequence),
                name,
                INCIDENT.minusSeconds(300),
                OPERATOR,
                "IAMUser",
                ROLE,
                policyName,
                policy);
    }

    private static Change managed(
            String name,
            String previous,
            String current,
            Policy after,
            Policy before,
            boolean deleted,
            List<String> sharedWith) {
        return new Change(
                "event-" + (++sequence),
                name,
                INCIDENT.minusSeconds(240),
                OPERATOR,
                "IAMUser",
                Subject.MANAGED_POLICY,
                MANAGED,
                MANAGED,
                after,
                before,
                previous,
                current,
                deleted,
                sharedWith);
    }

    private static Change function(String name, String previous, String current) {
        return new Change(
                "event-" + (++sequence),
                name,
                INCIDENT.minusSeconds(200),
                OPERATOR,
                "IAMUser",
                Subject.FUNCTION,
                "data-processor",
                "",
                null,
                null,
                previous,
                current,
                false,
                List.of());
    }
}

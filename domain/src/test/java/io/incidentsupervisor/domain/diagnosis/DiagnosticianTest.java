package io.incidentsupervisor.domain.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.domain.diagnosis.DenialReason.Effect;
import io.incidentsupervisor.domain.diagnosis.DenialReason.PolicyType;
import io.incidentsupervisor.domain.diagnosis.Diagnosis.ChangeEvidence;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict for each way a role loses a permission, and for none found. */
class DiagnosticianTest {

    private static final Instant INCIDENT = Instant.parse("2026-11-23T08:00:00Z");
    private static final String ROLE = "data-processor-role";
    private static final String OBJECT = "arn:aws:s3:::orders-prod-eu/in/1.csv";
    private static final String OPERATOR = "arn:aws:iam::123456789012:user/ops-alice";
    private static final Denial DENIED = new Denial(
            "arn:aws:sts::123456789012:assumed-role/" + ROLE + "/data-processor",
            ROLE,
            "s3:GetObject",
            OBJECT,
            new DenialReason(Effect.IMPLICIT, PolicyType.IDENTITY),
            "logs:4");

    private static final PolicyStatement READ_ORDERS =
            allow("ReadOrders", "s3:GetObject", "arn:aws:s3:::orders-prod-eu/*");
    private static final PolicyStatement WRITE_RESULTS = allow("WriteResults", "dynamodb:PutItem", "*");

    @Test
    void aDetachedManagedPolicyThatGrantedTheActionIsTheSuspect() {
        String arn = "arn:aws:iam::123456789012:policy/orders-read";
        Change detach = change(
                "DetachRolePolicy", INCIDENT.minusSeconds(300), arn, policy(Policy.Kind.MANAGED, arn, READ_ORDERS));

        Diagnosis diagnosis = diagnose(List.of(detach), true, INCIDENT.plusSeconds(60));

        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.FOUND);
        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("DetachRolePolicy");
        assertThat(diagnosis.suspectedChange().actorArn()).isEqualTo(OPERATOR);
        assertThat(diagnosis.suspectedChange().removed()).isEqualTo(READ_ORDERS.json());
        assertThat(diagnosis.revert())
                .isEqualTo("aws iam attach-role-policy --role-name " + ROLE + " --policy-arn " + arn);
    }

    @Test
    void anInlinePolicyReplacedWithoutTheStatementIsTheSuspectAndItsEarlierDocumentTheRevert() {
        Change earlier = change(
                "PutRolePolicy",
                INCIDENT.minusSeconds(86_000),
                "results-write",
                policy(Policy.Kind.INLINE, "results-write", READ_ORDERS, WRITE_RESULTS));
        Change replaced = change(
                "PutRolePolicy",
                INCIDENT.minusSeconds(240),
                "results-write",
                policy(Policy.Kind.INLINE, "results-write", WRITE_RESULTS));

        Diagnosis diagnosis = diagnose(List.of(replaced, earlier), true, INCIDENT.plusSeconds(60));

        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.FOUND);
        assertThat(diagnosis.suspectedChange().eventId()).isEqualTo(replaced.eventId());
        assertThat(diagnosis.suspectedChange().time()).isEqualTo(INCIDENT.minusSeconds(240));
        assertThat(diagnosis.suspectedChange().removed()).isEqualTo(READ_ORDERS.json());
        assertThat(diagnosis.revert())
                .isEqualTo("aws iam put-role-policy --role-name " + ROLE
                        + " --policy-name results-write --policy-document file://results-write.json");
        assertThat(diagnosis.revertDocument()).isEqualTo(earlier.policy().document());
    }

    @Test
    void anExplicitDenyAddedToAnInlinePolicyIsTheSuspect() {
        PolicyStatement deny = new PolicyStatement(
                "NoReads", false, List.of("s3:Get*"), List.of("*"), false, "{\"Sid\":\"NoReads\",\"Effect\":\"Deny\"}");
        Change earlier = change(
                "PutRolePolicy",
                INCIDENT.minusSeconds(7_200),
                "guard",
                policy(Policy.Kind.INLINE, "guard", READ_ORDERS));
        Change denied = change(
                "PutRolePolicy",
                INCIDENT.minusSeconds(60),
                "guard",
                policy(Policy.Kind.INLINE, "guard", READ_ORDERS, deny));

        Diagnosis diagnosis = diagnose(List.of(earlier, denied), true, INCIDENT.plusSeconds(60));

        assertThat(diagnosis.suspectedChange().eventId()).isEqualTo(denied.eventId());
        assertThat(diagnosis.suspectedChange().removed()).isEqualTo("added: " + deny.json());
        assertThat(diagnosis.suspectedChange().explanation()).contains("now denies s3:GetObject");
        assertThat(diagnosis.revertDocument()).isEqualTo(earlier.policy().document());
    }

    @Test
    void aPermissionsBoundaryThatDoesNotAllowTheActionIsTheSuspect() {
        String arn = "arn:aws:iam::123456789012:policy/dynamodb-only";
        Change boundary = change(
                "PutRolePermissionsBoundary",
                INCIDENT.minusSeconds(120),
                arn,
                policy(Policy.Kind.PERMISSIONS_BOUNDARY, arn, WRITE_RESULTS));

        Diagnosis diagnosis = diagnose(List.of(boundary), true, INCIDENT.plusSeconds(60));

        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("PutRolePermissionsBoundary");
        assertThat(diagnosis.revert()).isEqualTo("aws iam delete-role-permissions-boundary --role-name " + ROLE);
    }

    @Test
    void noChangeIsPendingWhileCloudTrailMayStillDeliverItThenNotFound() {
        Change unrelated = change(
                "DetachRolePolicy",
                INCIDENT.minusSeconds(600),
                "arn:aws:iam::123456789012:policy/dynamodb-write",
                policy(Policy.Kind.MANAGED, "arn:aws:iam::123456789012:policy/dynamodb-write", WRITE_RESULTS));

        Diagnosis early = diagnose(List.of(unrelated), true, INCIDENT.plusSeconds(60));
        assertThat(early.changeEvidence()).isEqualTo(ChangeEvidence.PENDING);
        assertThat(early.evidencePendingUntil()).isEqualTo(INCIDENT.plus(Diagnostician.DELIVERY_DELAY));
        assertThat(early.suspectedChange()).isNull();
        assertThat(early.revert()).isEmpty();

        Diagnosis late = diagnose(List.of(unrelated), true, INCIDENT.plus(Diagnostician.DELIVERY_DELAY));
        assertThat(late.changeEvidence()).isEqualTo(ChangeEvidence.NOT_FOUND);
        assertThat(late.evidencePendingUntil()).isNull();

        assertThat(diagnose(List.of(), false, INCIDENT.plusSeconds(60)).changeEvidence())
                .as("the history could not be read")
                .isEqualTo(ChangeEvidence.UNAVAILABLE);
    }

    @Test
    void aChangeAfterTheIncidentIsNotItsCauseAndTheNewestExplainingChangeWins() {
        String arn = "arn:aws:iam::123456789012:policy/orders-read";
        Change older = change(
                "DetachRolePolicy", INCIDENT.minusSeconds(900), arn, policy(Policy.Kind.MANAGED, arn, READ_ORDERS));
        Change newer = change(
                "DetachRolePolicy", INCIDENT.minusSeconds(100), arn, policy(Policy.Kind.MANAGED, arn, READ_ORDERS));
        Change afterwards = change(
                "DetachRolePolicy", INCIDENT.plusSeconds(3_600), arn, policy(Policy.Kind.MANAGED, arn, READ_ORDERS));

        Diagnosis diagnosis = diagnose(List.of(older, afterwards, newer), true, INCIDENT.plusSeconds(7_200));

        assertThat(diagnosis.suspectedChange().eventId()).isEqualTo(newer.eventId());
    }

    @Test
    void withoutADenialThereIsNothingToExplain() {
        Diagnosis diagnosis = Diagnostician.diagnose(
                INCIDENT, INCIDENT, new Diagnostician.Evidence(List.of(), null, List.of(), List.of(), true, List.of()));
        assertThat(diagnosis.changeEvidence()).isEqualTo(ChangeEvidence.NOT_NEEDED);
    }

    @Test
    void whatTheRolesPoliciesSayNowIsPartOfTheVerdict() {
        Policy inline = policy(Policy.Kind.INLINE, "results-write", WRITE_RESULTS);
        Policy boundary = policy(Policy.Kind.PERMISSIONS_BOUNDARY, "arn:aws:iam::123456789012:policy/b", WRITE_RESULTS);
        Policy reading = policy(Policy.Kind.MANAGED, "arn:aws:iam::123456789012:policy/r", READ_ORDERS);
        PolicyStatement deny = new PolicyStatement("NoReads", false, List.of("s3:*"), List.of("*"), false, "{}");

        assertThat(RoleNow.describe(role(inline), DENIED))
                .isEqualTo("none of the role's 1 policies (results-write) allows s3:GetObject");
        assertThat(RoleNow.describe(role(inline, boundary), DENIED))
                .isEqualTo("the permissions boundary arn:aws:iam::123456789012:policy/b does not allow s3:GetObject");
        assertThat(RoleNow.describe(role(reading, policy(Policy.Kind.INLINE, "guard", deny)), DENIED))
                .isEqualTo("statement NoReads of guard denies s3:GetObject");
        assertThat(RoleNow.describe(role(reading), DENIED)).contains("allows s3:GetObject now");
        assertThat(RoleNow.describe(null, DENIED)).isEmpty();
    }

    private static RoleState role(Policy... policies) {
        return new RoleState(ROLE, "arn:aws:iam::123456789012:role/" + ROLE, List.of(policies));
    }

    @Test
    void iamWildcardsMatchAsIamReadsThem() {
        assertThat(PolicyStatement.Wildcards.matches("s3:get*", "s3:getobject")).isTrue();
        assertThat(PolicyStatement.Wildcards.matches("arn:aws:s3:::orders-prod-eu/*", OBJECT))
                .isTrue();
        assertThat(PolicyStatement.Wildcards.matches("arn:aws:s3:::orders-prod-??/in/*", OBJECT))
                .isTrue();
        assertThat(PolicyStatement.Wildcards.matches("arn:aws:s3:::results/*", OBJECT))
                .isFalse();
        assertThat(new PolicyStatement("", true, List.of("s3:*"), List.of("*"), true, "")
                        .grants("s3:GetObject", OBJECT))
                .as("a conditional statement grants nothing for certain")
                .isFalse();
    }

    private static Diagnosis diagnose(List<Change> changes, boolean read, Instant now) {
        return Diagnostician.diagnose(
                INCIDENT, now, new Diagnostician.Evidence(List.of(DENIED), null, List.of(), changes, read, List.of()));
    }

    private static PolicyStatement allow(String sid, String action, String resource) {
        return new PolicyStatement(
                sid,
                true,
                List.of(action),
                List.of(resource),
                false,
                "{\"Sid\":\"" + sid + "\",\"Effect\":\"Allow\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource
                        + "\"}");
    }

    private static Policy policy(Policy.Kind kind, String name, PolicyStatement... statements) {
        StringBuilder document = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
        for (int i = 0; i < statements.length; i++) {
            document.append(i == 0 ? "" : ",").append(statements[i].json());
        }
        return new Policy(kind, name, List.of(statements), document.append("]}").toString());
    }

    private static int sequence;

    private static Change change(String eventName, Instant time, String policyName, Policy policy) {
        return new Change("event-" + (++sequence), eventName, time, OPERATOR, "IAMUser", ROLE, policyName, policy);
    }
}

package io.incidentsupervisor.application.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.Policy;
import io.incidentsupervisor.domain.diagnosis.PolicyStatement;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A customer-managed policy's history is read for the role's policies, and its other roles only when it changed. */
class ManagedPolicyReadsTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final String ROLE = "order-exporter-role";
    private static final String MANAGED = "arn:aws:iam::123456789012:policy/orders-read";
    private static final IncidentAlert ALERT = IncidentAlert.of(
            "S3AccessError",
            "User: arn:aws:sts::123456789012:assumed-role/" + ROLE + "/order-exporter is not authorized to perform:"
                    + " s3:GetObject on resource: arn:aws:s3:::orders/a.csv because no identity-based policy allows"
                    + " the s3:GetObject action",
            "AccessDenied",
            "order-exporter",
            FAILED_AT.toString());
    private static final PolicyStatement READS = new PolicyStatement(
            "ReadOrders", true, List.of("s3:GetObject"), List.of("arn:aws:s3:::orders/*"), false, "{\"Sid\":\"R\"}");

    private final List<String> asked = new CopyOnWriteArrayList<>();
    private StubEvidence evidence;

    @Test
    void theRolesAtRiskAreTheChangedPolicysOtherRoles() {
        Diagnosis diagnosis = diagnoser(List.of(ROLE, "invoice-sender-role"), true)
                .diagnose(ALERT, List.of(), FAILED_AT.plusSeconds(30));

        assertThat(diagnosis.suspectedChange().eventName()).isEqualTo("CreatePolicyVersion");
        assertThat(diagnosis.suspectedChange().atRisk()).containsExactly("invoice-sender-role");
        assertThat(diagnosis.revert()).endsWith("--version-id v2");
    }

    @Test
    void theFunctionsAtRiskAreTheSupervisedOnesRunningAsARoleAtRiskAndAnUnreadableOneIsAGap() {
        Diagnosis diagnosis = diagnoser(List.of(ROLE, "invoice-sender-role"), true)
                .diagnose(ALERT, List.of(), FAILED_AT.plusSeconds(30));

        assertThat(diagnosis.suspectedChange().atRiskFunctions()).containsExactly("invoice-sender");
        assertThat(evidence.calls)
                .as("every other supervised function, never the failing one")
                .contains("roleNameOf data-processor", "roleNameOf invoice-sender", "roleNameOf report-builder")
                .doesNotContain("roleNameOf order-exporter");
        assertThat(diagnosis.gaps()).singleElement().asString().startsWith("the role of report-builder: ");
    }

    @Test
    void aRefusalToListThemIsAGapThatNamesThePermissionAndTheVerdictStands() {
        Diagnosis diagnosis = diagnoser(null, true).diagnose(ALERT, List.of(), FAILED_AT.plusSeconds(30));

        assertThat(diagnosis.suspectedChange().atRisk()).isEmpty();
        assertThat(diagnosis.gaps())
                .containsExactly("the roles using " + MANAGED
                        + ": AccessDenied (AccessDenied): the supervisor lacks iam:ListEntitiesForPolicy");
    }

    @Test
    void anUnchangedPolicysRolesAreNotAskedFor() {
        diagnoser(List.of(ROLE), false).diagnose(ALERT, List.of(), FAILED_AT.plusSeconds(30));

        assertThat(asked).containsExactly("changes of " + MANAGED);
        assertThat(evidence.calls).noneMatch(call -> call.startsWith("roleNameOf"));
    }

    private Diagnoser diagnoser(List<String> rolesUsing, boolean changed) {
        evidence = new StubEvidence() {
            @Override
            public List<String> rolesUsing(String policyArn, int max) {
                asked.add("roles using " + policyArn);
                if (rolesUsing == null) {
                    throw new EvidenceUnavailable(
                            "AccessDenied", "AccessDenied", "not authorized", "iam:ListEntitiesForPolicy", null);
                }
                return rolesUsing;
            }

            @Override
            public List<Change> ofManagedPolicy(String policyArn, Instant from, Instant to) {
                asked.add("changes of " + policyArn);
                return changed
                        ? List.of(new Change(
                                "e-1",
                                "CreatePolicyVersion",
                                FAILED_AT.minusSeconds(90),
                                "arn:aws:iam::123456789012:user/ops-bob",
                                "IAMUser",
                                Change.Subject.MANAGED_POLICY,
                                MANAGED,
                                MANAGED,
                                new Policy(Policy.Kind.MANAGED, MANAGED, List.of(), "{}"),
                                new Policy(Policy.Kind.MANAGED, MANAGED, List.of(READS), "{}"),
                                "v2",
                                "v3",
                                false,
                                List.of()))
                        : List.of();
            }
        };
        evidence.role = new RoleState(
                ROLE,
                "arn:aws:iam::123456789012:role/" + ROLE,
                List.of(new Policy(Policy.Kind.MANAGED, MANAGED, List.of(), "{}")));
        evidence.simulation = new Simulation("s3:GetObject", "arn:aws:s3:::orders/a.csv", "implicitDeny", List.of());
        evidence.changes = List.of();
        evidence.functionRoles.put("invoice-sender", "invoice-sender-role");
        evidence.functionRoles.put("data-processor", "data-processor-role");
        return new Diagnoser(
                evidence,
                evidence,
                resourceArn -> null,
                Clock.fixed(FAILED_AT.plusSeconds(5), ZoneOffset.UTC),
                Duration.ofHours(24),
                Duration.ZERO,
                false,
                Set.of("order-exporter", "invoice-sender", "data-processor", "report-builder"));
    }
}

package io.incidentsupervisor.application.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentsupervisor.application.port.out.ChangeHistory;
import io.incidentsupervisor.application.port.out.RoleEvidence;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Which of the diagnosis's reads run at once, and which name the role's changes are read under. */
class DiagnoserTest {

    private static final Instant FAILED_AT = Instant.parse("2026-11-23T08:00:00Z");
    private static final String ROLE = "data-processor-role";
    private static final String DENIAL = "User: arn:aws:sts::123456789012:assumed-role/" + ROLE
            + "/data-processor is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::orders/a.csv"
            + " because no identity-based policy allows the s3:GetObject action";
    private static final IncidentAlert ALERT =
            IncidentAlert.of("S3AccessError", DENIAL, "AccessDenied", "data-processor", FAILED_AT.toString());

    private final List<String> changesRead = new CopyOnWriteArrayList<>();

    @Test
    void theRolesChangesAreReadWhileTheRoleIs() {
        // Each read waits for the other at the barrier: read one after the other, the first would wait out its time.
        CyclicBarrier both = new CyclicBarrier(2);
        Diagnosis diagnosis = diagnoser(
                        () -> {
                            meet(both);
                            return role(ROLE);
                        },
                        () -> {
                            meet(both);
                            return List.of();
                        })
                .diagnose(ALERT, List.of(), FAILED_AT.plusSeconds(30));

        assertThat(diagnosis.gaps()).isEmpty();
        assertThat(changesRead).containsExactly(ROLE);
    }

    @Test
    void aRoleOtherThanTheDenialNamesHasItsOwnChangesRead() {
        Diagnosis diagnosis =
                diagnoser(() -> role("renamed-role"), List::of).diagnose(ALERT, List.of(), FAILED_AT.plusSeconds(30));

        assertThat(diagnosis.gaps()).isEmpty();
        assertThat(changesRead).endsWith("renamed-role");
    }

    private interface Read<T> {
        T get() throws Exception;
    }

    private Diagnoser diagnoser(Read<RoleState> role, Read<List<Change>> changes) {
        RoleEvidence roles = new RoleEvidence() {
            @Override
            public RoleState roleOf(String functionName) {
                return unchecked(role);
            }

            @Override
            public Simulation simulate(String roleArn, String action, String resource) {
                return new Simulation(action, resource, "implicitDeny", List.of());
            }

            @Override
            public List<String> rolesUsing(String policyArn, int max) {
                return List.of();
            }

            @Override
            public String roleNameOf(String functionName) {
                throw new AssertionError("no managed policy is shared here: no other function is read");
            }
        };
        ChangeHistory history = StubEvidence.roleOnly((roleName, from, to) -> {
            changesRead.add(roleName);
            return unchecked(changes);
        });
        return new Diagnoser(
                roles,
                history,
                resourceArn -> null,
                Clock.fixed(FAILED_AT.plusSeconds(5), ZoneOffset.UTC),
                Duration.ofHours(24),
                Duration.ZERO,
                false,
                Set.of("data-processor"));
    }

    private static <T> T unchecked(Read<T> read) {
        try {
            return read.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RoleState role(String name) {
        return new RoleState(name, "arn:aws:iam::123456789012:role/" + name, List.of());
    }

    private static void meet(CyclicBarrier barrier) throws InterruptedException, BrokenBarrierException {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (TimeoutException alone) {
            throw new IllegalStateException("ran alone", alone);
        }
    }
}

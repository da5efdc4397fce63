package io.incidentsupervisor.application.diagnosis;

import io.incidentsupervisor.application.TimeBoxed;
import io.incidentsupervisor.application.port.out.EvidenceUnavailable;
import io.incidentsupervisor.application.port.out.RoleChanges;
import io.incidentsupervisor.application.port.out.RoleEvidence;
import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.DenialParser;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.Diagnostician;
import io.incidentsupervisor.domain.diagnosis.RoleChange;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Gathers the diagnosis's evidence and reaches the verdict: the denials in the alert and the failure log lines, the
 * role (IAM), the simulator's decision for each denial, and the role's changes (CloudTrail) from {@code lookBack} before
 * the incident to five minutes after. Every call is cut off before the deadline less the recording reserve; what could
 * not be read becomes a gap, never an exception.
 */
public final class Diagnoser {

    private final RoleEvidence roles;
    private final RoleChanges changes;
    private final Clock clock;
    private final Duration lookBack;
    private final Duration recordingReserve;
    private final TimeBoxed calls = new TimeBoxed("diagnosis");

    /**
     * @param lookBack how long before an incident its role's changes are read
     * @param recordingReserve the time before the deadline kept for recording the verdict and the context
     */
    public Diagnoser(
            RoleEvidence roles, RoleChanges changes, Clock clock, Duration lookBack, Duration recordingReserve) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lookBack = Objects.requireNonNull(lookBack, "lookBack");
        this.recordingReserve = Objects.requireNonNull(recordingReserve, "recordingReserve");
    }

    /** The verdict on an alert, from what its collectors gathered, every call ending before the recording reserve. */
    public Diagnosis diagnose(IncidentAlert alert, List<CollectorResult> results, Instant deadline) {
        Instant until = deadline.minus(recordingReserve);
        List<Denial> denials = DenialParser.denials(alert.errorMessage(), failureLines(results), alert.errorType());
        List<String> gaps = new ArrayList<>();
        if (denials.isEmpty()) {
            return verdict(alert, denials, null, List.of(), List.of(), true, gaps);
        }
        String named = denials.get(0).role();
        Optional<TimeBoxed.Running<List<RoleChange>>> early = startChanges(alert, named, until);
        Optional<RoleState> role = call("the role", () -> roles.roleOf(alert.lambdaName()), until, gaps);
        List<Simulation> simulations = new ArrayList<>();
        role.ifPresent(found -> {
            for (Denial denial : denials.subList(0, Math.min(denials.size(), Diagnosis.MAX_SIMULATIONS))) {
                call(
                                "the simulation of " + denial.action(),
                                () -> roles.simulate(found.roleArn(), denial.action(), denial.resource()),
                                until,
                                gaps)
                        .ifPresent(simulations::add);
            }
        });
        Optional<List<RoleChange>> history = changesOf(alert, role, named, early, until, gaps);
        return verdict(
                alert, denials, role.orElse(null), simulations, history.orElse(List.of()), history.isPresent(), gaps);
    }

    /**
     * The role and its changes read again, for a verdict whose change evidence was pending; the denials and simulations
     * stay as they were.
     */
    public Diagnosis recheck(IncidentAlert alert, Diagnosis pending, String roleName, Instant deadline) {
        Instant until = deadline.minus(recordingReserve);
        List<String> gaps = new ArrayList<>();
        Optional<TimeBoxed.Running<List<RoleChange>>> early = startChanges(alert, roleName, until);
        Optional<RoleState> role = call("the role", () -> roles.roleOf(alert.lambdaName()), until, gaps);
        Optional<List<RoleChange>> history = changesOf(alert, role, roleName, early, until, gaps);
        return verdict(
                alert,
                pending.denials(),
                role.orElse(null),
                pending.simulations(),
                history.orElse(List.of()),
                history.isPresent(),
                gaps);
    }

    /**
     * Starts reading the changes of the role an alert names, so that they are read while the role is: neither read needs
     * the other. Nothing is started for no name, or with no time left.
     */
    private Optional<TimeBoxed.Running<List<RoleChange>>> startChanges(
            IncidentAlert alert, String named, Instant until) {
        return named.isEmpty() || timeLeft(until).isZero()
                ? Optional.empty()
                : Optional.of(calls.start(() -> changesAround(named, alert.timestamp())));
    }

    /**
     * The changes of the role as read, or of the named one when the role could not be read: the early read's when it is
     * of that role, else read now (the early one is cancelled).
     */
    private Optional<List<RoleChange>> changesOf(
            IncidentAlert alert,
            Optional<RoleState> role,
            String named,
            Optional<TimeBoxed.Running<List<RoleChange>>> early,
            Instant until,
            List<String> gaps) {
        String roleName = role.map(RoleState::roleName).orElse(named);
        if (early.isPresent() && roleName.equals(named)) {
            Duration left = timeLeft(until);
            return ended("the role's changes", early.get().await(left), left, gaps);
        }
        early.ifPresent(TimeBoxed.Running::cancel);
        if (roleName.isEmpty()) {
            gaps.add("the role's changes: the role is unknown");
            return Optional.empty();
        }
        return call("the role's changes", () -> changesAround(roleName, alert.timestamp()), until, gaps);
    }

    private List<RoleChange> changesAround(String roleName, Instant incidentAt) {
        return changes.of(roleName, incidentAt.minus(lookBack), incidentAt.plus(Duration.ofMinutes(5)));
    }

    private Diagnosis verdict(
            IncidentAlert alert,
            List<Denial> denials,
            RoleState role,
            List<Simulation> simulations,
            List<RoleChange> history,
            boolean historyRead,
            List<String> gaps) {
        return Diagnostician.diagnose(
                alert.timestamp(),
                clock.instant(),
                new Diagnostician.Evidence(denials, role, simulations, history, historyRead, gaps));
    }

    /** The messages of the log lines a collector marked as carrying the failure, with their evidence ids. */
    private static List<DenialParser.CitedText> failureLines(List<CollectorResult> results) {
        List<DenialParser.CitedText> lines = new ArrayList<>();
        for (CollectorResult result : results) {
            for (ContextEntry entry : result.entries()) {
                if (entry.relevance() == ContextEntry.Relevance.FAILURE
                        && entry.content().get("message") instanceof String message) {
                    Object id = entry.content().getOrDefault("id", result.source());
                    lines.add(new DenialParser.CitedText(String.valueOf(id), message));
                }
            }
        }
        return lines;
    }

    private <T> Optional<T> call(String what, Callable<T> call, Instant until, List<String> gaps) {
        Duration left = timeLeft(until);
        if (left.isZero()) {
            gaps.add(what + ": not read, no time was left before the deadline");
            return Optional.empty();
        }
        return ended(what, calls.run(call, left), left, gaps);
    }

    /** The value of a call that ended, or a gap that says why there is none. */
    private static <T> Optional<T> ended(String what, TimeBoxed.Ended<T> ended, Duration given, List<String> gaps) {
        if (ended instanceof TimeBoxed.Done<T> done) {
            return Optional.of(done.value());
        }
        if (ended instanceof TimeBoxed.Threw<T> threw) {
            gaps.add(what + ": " + reason(threw.cause()));
        } else {
            gaps.add(what + ": cut off after " + given.toMillis() + " ms, at the deadline");
        }
        return Optional.empty();
    }

    /** The time left before {@code until}, never negative. */
    private Duration timeLeft(Instant until) {
        Duration left = Duration.between(clock.instant(), until);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String reason(Throwable failure) {
        if (failure instanceof EvidenceUnavailable unavailable) {
            return unavailable.kind()
                    + (unavailable.code().isEmpty() ? "" : " (" + unavailable.code() + ")")
                    + (unavailable.missingPermission().isEmpty()
                            ? ""
                            : ": the supervisor lacks " + unavailable.missingPermission());
        }
        return "Unexpected " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}

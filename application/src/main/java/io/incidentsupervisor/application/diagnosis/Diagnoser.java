package io.incidentsupervisor.application.diagnosis;

import io.incidentsupervisor.application.port.out.ChangeHistory;
import io.incidentsupervisor.application.port.out.ResourcePolicies;
import io.incidentsupervisor.application.port.out.RoleEvidence;
import io.incidentsupervisor.domain.diagnosis.Change;
import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.DenialParser;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.Diagnostician;
import io.incidentsupervisor.domain.diagnosis.Policy;
import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.IncidentAlert;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers the diagnosis's evidence and reaches the verdict: the denials in the alert and the failure log lines, the
 * role (IAM), the simulator's decision for each denial, and the change histories the first denial needs
 * ({@link ChangeReads}) from {@code lookBack} before the incident to five minutes after. Every call is cut off before
 * the deadline less the recording reserve; what could not be read becomes a gap, never an exception.
 */
public final class Diagnoser {

    /** The most other functions whose role a blast radius reads: one Lambda call each. */
    static final int MAX_OTHER_FUNCTIONS = 20;

    private final RoleEvidence roles;
    private final ChangeHistory changes;
    private final ResourcePolicies resourcePolicies;
    private final Clock clock;
    private final Duration lookBack;
    private final Duration recordingReserve;
    private final boolean organizationEvents;
    private final Set<String> supervised;

    /**
     * @param lookBack how long before an incident its changes are read
     * @param recordingReserve the time before the deadline kept for recording the verdict and the context
     * @param organizationEvents whether this deployment may read the organization's events (SCP and RCP changes)
     * @param supervised the supervised functions, among which a changed managed policy's other roles are looked for
     */
    public Diagnoser(
            RoleEvidence roles,
            ChangeHistory changes,
            ResourcePolicies resourcePolicies,
            Clock clock,
            Duration lookBack,
            Duration recordingReserve,
            boolean organizationEvents,
            Set<String> supervised) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.resourcePolicies = Objects.requireNonNull(resourcePolicies, "resourcePolicies");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.lookBack = Objects.requireNonNull(lookBack, "lookBack");
        this.recordingReserve = Objects.requireNonNull(recordingReserve, "recordingReserve");
        this.organizationEvents = organizationEvents;
        this.supervised = new TreeSet<>(supervised);
    }

    /** The verdict on an alert, from what its collectors gathered, every call ending before the recording reserve. */
    public Diagnosis diagnose(IncidentAlert alert, List<CollectorResult> results, Instant deadline) {
        List<Denial> denials = DenialParser.denials(alert.errorMessage(), failureLines(results), alert.errorType());
        List<String> gaps = new ArrayList<>();
        EvidenceCalls calls = new EvidenceCalls(clock, deadline.minus(recordingReserve), gaps);
        if (denials.isEmpty()) {
            return verdict(alert, denials, null, List.of(), List.of(), Set.of(), null, calls, gaps);
        }
        ChangeReads reads = reads(alert, denials.get(0), calls);
        Optional<RoleState> role = calls.call("the role", () -> roles.roleOf(alert.lambdaName()));
        List<Simulation> simulations = new ArrayList<>();
        role.ifPresent(found -> {
            for (Denial denial : denials.subList(0, Math.min(denials.size(), Diagnosis.MAX_SIMULATIONS))) {
                calls.call(
                                "the simulation of " + denial.action(),
                                () -> roles.simulate(found.roleArn(), denial.action(), denial.resource()))
                        .ifPresent(simulations::add);
            }
        });
        List<Change> history = reads.collect(role, simulations);
        return verdict(
                alert,
                denials,
                role.orElse(null),
                simulations,
                history,
                reads.read(),
                reads.resourcePolicy(),
                calls,
                gaps);
    }

    /**
     * The role and the change histories read again, for a verdict whose change evidence was pending; the denials and
     * simulations stay as they were.
     */
    public Diagnosis recheck(IncidentAlert alert, Diagnosis pending, Instant deadline) {
        List<String> gaps = new ArrayList<>();
        if (pending.denials().isEmpty()) {
            return pending;
        }
        EvidenceCalls calls = new EvidenceCalls(clock, deadline.minus(recordingReserve), gaps);
        ChangeReads reads = reads(alert, pending.denials().get(0), calls);
        Optional<RoleState> role = calls.call("the role", () -> roles.roleOf(alert.lambdaName()));
        List<Change> history = reads.collect(role, pending.simulations());
        return verdict(
                alert,
                pending.denials(),
                role.orElse(null),
                pending.simulations(),
                history,
                reads.read(),
                reads.resourcePolicy(),
                calls,
                gaps);
    }

    /**
     * The roles the other supervised functions run as, read only when a changed managed policy is attached to other
     * roles too (its blast radius), at most {@link #MAX_OTHER_FUNCTIONS} of them, each call bounded like every other.
     */
    private Map<String, String> otherFunctionsRoles(IncidentAlert alert, List<Change> history, EvidenceCalls calls) {
        if (history.stream().allMatch(change -> change.sharedWith().isEmpty())) {
            return Map.of();
        }
        List<String> others = supervised.stream()
                .filter(function -> !function.equals(alert.lambdaName()))
                .toList();
        if (others.size() > MAX_OTHER_FUNCTIONS) {
            calls.gap("the functions at risk: " + (others.size() - MAX_OTHER_FUNCTIONS) + " of " + others.size()
                    + " supervised functions not read (at most " + MAX_OTHER_FUNCTIONS + ")");
        }
        Map<String, String> roleOf = new LinkedHashMap<>();
        for (String function : others.subList(0, Math.min(others.size(), MAX_OTHER_FUNCTIONS))) {
            calls.call("the role of " + function, () -> roles.roleNameOf(function))
                    .ifPresent(role -> roleOf.put(function, role));
        }
        return roleOf;
    }

    private ChangeReads reads(IncidentAlert alert, Denial denial, EvidenceCalls calls) {
        return new ChangeReads(
                changes,
                resourcePolicies,
                roles,
                calls,
                denial,
                alert.lambdaName(),
                alert.timestamp(),
                lookBack,
                organizationEvents);
    }

    private Diagnosis verdict(
            IncidentAlert alert,
            List<Denial> denials,
            RoleState role,
            List<Simulation> simulations,
            List<Change> history,
            Set<Change.Subject> read,
            Policy resourcePolicy,
            EvidenceCalls calls,
            List<String> gaps) {
        Map<String, String> otherRoles = otherFunctionsRoles(alert, history, calls);
        return Diagnostician.diagnose(
                        alert.timestamp(),
                        clock.instant(),
                        new Diagnostician.Evidence(denials, role, simulations, history, read, gaps, resourcePolicy))
                .withAtRiskFunctions(otherRoles);
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
}

package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.diagnosis.RoleState;
import io.incidentsupervisor.domain.diagnosis.Simulation;

/** What IAM says of a supervised function's role: its policies now, and how its policy simulator decides a request. */
public interface RoleEvidence {

    /**
     * The role the function runs as, with every inline and attached policy's document and its permissions boundary.
     *
     * @throws EvidenceUnavailable when the function or the role cannot be read
     */
    RoleState roleOf(String functionName);

    /**
     * IAM's own evaluation of the role's identity policies and boundary for one action on one resource ({@code *} when
     * empty).
     *
     * @throws EvidenceUnavailable when the simulator cannot be called
     */
    Simulation simulate(String roleArn, String action, String resource);

    /**
     * The roles a managed policy is attached to, at most {@code max}.
     *
     * @throws EvidenceUnavailable when IAM will not say
     */
    java.util.List<String> rolesUsing(String policyArn, int max);

    /**
     * The name of the role the function runs as: its configuration alone, no policy read.
     *
     * @throws EvidenceUnavailable when the function cannot be read
     */
    String roleNameOf(String functionName);
}

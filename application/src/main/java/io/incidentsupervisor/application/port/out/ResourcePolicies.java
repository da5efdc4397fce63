package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.diagnosis.Policy;

/** Outgoing: the policy a resource holds now (a bucket's, a key's, a queue's, a topic's, a function's). */
public interface ResourcePolicies {

    /**
     * The current policy of the resource that holds {@code resourceArn}; null when it has none.
     *
     * @throws EvidenceUnavailable when it cannot be read (access denied, a service whose policy is not read, …)
     */
    Policy of(String resourceArn);
}

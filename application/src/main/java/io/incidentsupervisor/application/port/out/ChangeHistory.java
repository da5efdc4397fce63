package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.diagnosis.Change;
import java.time.Instant;
import java.util.List;

/**
 * Outgoing: who changed what, and when, from the account's recorded API calls: the role's policies, the managed policies
 * it uses, the function, the denied resource's policy and an organization policy. Each answers the changes between
 * {@code from} and {@code to}, oldest first, with the documents they concern where they can be read.
 *
 * <p>Every method throws {@link EvidenceUnavailable} when its history cannot be read (access denied, throttled past its
 * retries, …).
 */
public interface ChangeHistory {

    /** Attach, detach, inline put and delete, and boundary changes of the role. */
    List<Change> ofRole(String roleName, Instant from, Instant to);

    /** New default versions of a customer-managed policy, each with the version it replaced. */
    List<Change> ofManagedPolicy(String policyArn, Instant from, Instant to);

    /** The function's role swaps and deploys, recorded in its own Region. */
    List<Change> ofFunction(String functionName, Instant from, Instant to);

    /** Changes to the policy of the resource that holds {@code resourceArn} (a bucket, key, queue, topic, function). */
    List<Change> ofResourcePolicy(String resourceArn, Instant from, Instant to);

    /** Updates, attachments and detachments of an organization policy, where the organization's events are readable. */
    List<Change> ofOrganizationPolicy(String policyId, Instant from, Instant to);
}

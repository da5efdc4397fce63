package io.incidentsupervisor.domain.diagnosis;

/**
 * Why AWS denied a request, as its message says: no policy of a type allowed it ({@link Effect#IMPLICIT}), or one
 * denied it ({@link Effect#EXPLICIT}); {@link #UNKNOWN} when the message does not say (a bare S3 {@code Access Denied}).
 * {@code policyArn} is the denying policy's ARN where the message names it ("… in a service control policy:
 * arn:aws:organizations::…"), else empty.
 */
public record DenialReason(Effect effect, PolicyType policyType, String policyArn) {

    public static final DenialReason UNKNOWN = new DenialReason(Effect.UNKNOWN, PolicyType.UNKNOWN);

    public DenialReason {
        java.util.Objects.requireNonNull(effect, "effect");
        java.util.Objects.requireNonNull(policyType, "policyType");
        policyArn = policyArn == null ? "" : policyArn;
    }

    public DenialReason(Effect effect, PolicyType policyType) {
        this(effect, policyType, "");
    }

    public enum Effect {
        /** No policy of the type allowed the action. */
        IMPLICIT,
        /** A statement of a policy of the type denied it. */
        EXPLICIT,
        UNKNOWN
    }

    /** The policy types AWS names in its denial messages, with the words it uses for each. */
    public enum PolicyType {
        IDENTITY("identity-based policy"),
        RESOURCE("resource-based policy"),
        PERMISSIONS_BOUNDARY("permissions boundary"),
        SERVICE_CONTROL("service control policy"),
        RESOURCE_CONTROL("resource control policy"),
        SESSION("session policy"),
        VPC_ENDPOINT("VPC endpoint policy"),
        UNKNOWN("");

        private final String words;

        PolicyType(String words) {
            this.words = words;
        }

        /** How AWS names this type in a denial message. */
        public String words() {
            return words;
        }
    }

    /**
     * Whether a change to the role (its policies, its managed policies' versions, the function's role or code) can
     * explain the denial: the message names an identity policy or the boundary, or names no policy type at all.
     */
    public boolean mayLieInTheRole() {
        return policyType == PolicyType.IDENTITY
                || policyType == PolicyType.PERMISSIONS_BOUNDARY
                || policyType == PolicyType.UNKNOWN;
    }

    /** Whether an organization policy (an SCP or RCP) denied the request: no change in this account explains it. */
    public boolean byOrganization() {
        return policyType == PolicyType.SERVICE_CONTROL || policyType == PolicyType.RESOURCE_CONTROL;
    }
}

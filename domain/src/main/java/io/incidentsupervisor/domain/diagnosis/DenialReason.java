package io.incidentsupervisor.domain.diagnosis;

/**
 * Why AWS denied a request, as its message says: no policy of a type allowed it ({@link Effect#IMPLICIT}), or one
 * denied it ({@link Effect#EXPLICIT}); {@link #UNKNOWN} when the message does not say (a bare S3 {@code Access Denied}).
 */
public record DenialReason(Effect effect, PolicyType policyType) {

    public static final DenialReason UNKNOWN = new DenialReason(Effect.UNKNOWN, PolicyType.UNKNOWN);

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

    /** Whether the fix lies in the role's own policies (its identity policies or its permissions boundary). */
    public boolean inTheRolesPolicies() {
        return policyType == PolicyType.IDENTITY || policyType == PolicyType.PERMISSIONS_BOUNDARY;
    }
}

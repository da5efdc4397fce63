package io.incidentsupervisor.domain.diagnosis;

/** One sentence of the verdict when the denial lies outside the role's own policies: where, and who can change it. */
final class Elsewhere {

    private Elsewhere() {}

    /** {@code resourcePolicy} is the denied resource's policy now, when it was read. */
    static String describe(Denial denial, boolean organizationEventsRead, Policy resourcePolicy, String roleArn) {
        String sentence = where(denial, organizationEventsRead);
        if (resourcePolicy == null) {
            return sentence;
        }
        String now = ElsewhereExplanations.statement(
                        resourcePolicy, denial, roleArn, ElsewhereExplanations.accountOf(denial.principal()), false)
                .map(statement -> "statement " + (statement.sid().isEmpty() ? "(no Sid)" : statement.sid())
                        + " of the resource's policy denies " + denial.action() + " now")
                .orElse("the resource's policy does not deny " + denial.action() + " now");
        return sentence.isEmpty() ? now : sentence + "; " + now;
    }

    private static String where(Denial denial, boolean organizationEventsRead) {
        DenialReason reason = denial.reason();
        String arn = reason.policyArn().isEmpty() ? "" : " " + reason.policyArn();
        return switch (reason.policyType()) {
            case SERVICE_CONTROL, RESOURCE_CONTROL ->
                "denied by the " + reason.policyType().words() + arn
                        + ": an organization policy, which this account can neither see nor change; the"
                        + " organization's management account can"
                        + (organizationEventsRead
                                ? ""
                                : " (this deployment is not given the organization's events, so who changed it is"
                                        + " not looked up)");
            case RESOURCE ->
                "denied by the resource-based policy of "
                        + (denial.resource().isEmpty() ? "the resource" : denial.resource()) + arn
                        + ", not by the role's policies";
            case SESSION ->
                "denied by the session policy" + arn + " passed when the role was assumed: not a change to the role";
            case VPC_ENDPOINT ->
                "denied by the VPC endpoint policy" + arn + " of the endpoint the request went through: not a change"
                        + " to the role";
            case IDENTITY, PERMISSIONS_BOUNDARY, UNKNOWN -> "";
        };
    }
}

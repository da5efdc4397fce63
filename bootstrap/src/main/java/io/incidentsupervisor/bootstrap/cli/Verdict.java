package io.incidentsupervisor.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentsupervisor.domain.diagnosis.DenialReason;
import java.io.PrintWriter;

/** The diagnosis of an incident as a person reads it: what was denied, the change that caused it, and how to undo it. */
final class Verdict {

    private Verdict() {}

    /** Prints the {@code diagnosis} node of a context row; says so when there is none. */
    static void print(JsonNode diagnosis, PrintWriter out) {
        if (diagnosis == null || diagnosis.isMissingNode() || diagnosis.isNull()) {
            out.println("Verdict: none (no denial was found in the alert or its log lines).");
            return;
        }
        out.println("Verdict:");
        for (JsonNode denial : diagnosis.path("denials")) {
            out.printf(
                    "  denied    %s on %s (%s)%n",
                    denial.path("action").asText(),
                    orUnknown(denial.path("resource").asText()),
                    reason(denial.path("reason")));
        }
        if (!diagnosis.path("roleNow").asText().isEmpty()) {
            out.println("  role now  " + diagnosis.path("roleNow").asText());
        }
        for (JsonNode simulation : diagnosis.path("simulations")) {
            out.printf(
                    "  simulator %s for %s%n",
                    simulation.path("decision").asText(),
                    simulation.path("action").asText());
        }
        JsonNode change = diagnosis.path("suspectedChange");
        if (change.isObject()) {
            out.printf(
                    "  cause     %s (CloudTrail event %s) by %s (%s) at %s%n",
                    change.path("eventName").asText(),
                    change.path("eventId").asText(),
                    change.path("actorArn").asText(),
                    change.path("actorType").asText(),
                    change.path("time").asText());
            out.println("            " + change.path("explanation").asText());
            out.println("  removed   " + change.path("removed").asText());
        } else {
            out.println("  cause     not found: change evidence "
                    + diagnosis.path("changeEvidence").asText()
                    + (diagnosis.path("evidencePendingUntil").isTextual()
                            ? ", checked again until "
                                    + diagnosis.path("evidencePendingUntil").asText()
                            : ""));
        }
        if (!diagnosis.path("revert").asText().isEmpty()) {
            out.println(
                    "  revert    " + diagnosis.path("revert").asText() + "   (suggested; never run by the supervisor)");
            if (!diagnosis.path("revertDocument").asText().isEmpty()) {
                out.println("            with that file holding "
                        + diagnosis.path("revertDocument").asText());
            }
        }
        for (JsonNode gap : diagnosis.path("gaps")) {
            out.println("  not checked: " + gap.asText());
        }
    }

    private static String reason(JsonNode reason) {
        String type = DenialReason.PolicyType.valueOf(reason.path("policyType").asText("UNKNOWN"))
                .words();
        return switch (reason.path("effect").asText()) {
            case "IMPLICIT" -> "no " + type + " allows it";
            case "EXPLICIT" -> "explicitly denied by a " + type;
            default -> "AWS did not say why";
        };
    }

    private static String orUnknown(String resource) {
        return resource.isEmpty() ? "(resource not named)" : resource;
    }
}

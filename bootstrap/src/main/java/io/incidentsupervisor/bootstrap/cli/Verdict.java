package io.incidentsupervisor.bootstrap.cli;

import io.incidentsupervisor.application.port.in.AgentVerdict;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.model.Text;
import java.io.PrintWriter;

/** The diagnosis of an incident as a person reads it: the sentences an agent reads, one a line. */
final class Verdict {

    private Verdict() {}

    /** Prints {@code diagnosis}; says so when there is none. */
    static void print(Diagnosis diagnosis, PrintWriter out) {
        AgentVerdict verdict = AgentVerdict.of(diagnosis);
        if (verdict == null) {
            out.println("Verdict: none (no denial was found in the alert or its log lines).");
            return;
        }
        out.println("Verdict (change evidence " + verdict.changeEvidence()
                + (verdict.evidencePendingUntil() == null
                        ? ""
                        : ", checked again until " + verdict.evidencePendingUntil())
                + "):");
        verdict.denied().forEach(denied -> line("denied", denied, out));
        line("role now", verdict.roleNow(), out);
        line("cause", verdict.cause(), out);
        line(
                "removed",
                diagnosis.suspectedChange() == null
                        ? ""
                        : diagnosis.suspectedChange().removed(),
                out);
        line("elsewhere", diagnosis.deniedElsewhere(), out);
        line(
                "at risk",
                diagnosis.suspectedChange() == null
                        ? ""
                        : String.join(", ", diagnosis.suspectedChange().atRisk())
                                + (diagnosis.suspectedChange().atRiskFunctions().isEmpty()
                                        ? ""
                                        : " (run by "
                                                + String.join(
                                                        ", ",
                                                        diagnosis
                                                                .suspectedChange()
                                                                .atRiskFunctions())
                                                + ")"),
                out);
        line("undo", verdict.undo(), out);
        line("", diagnosis.revertDocument().isEmpty() ? "" : "that file: " + diagnosis.revertDocument(), out);
        line(
                "grant",
                diagnosis.suggestedGrant().isEmpty() ? "" : "suggested, never applied: " + diagnosis.suggestedGrant(),
                out);
        verdict.notChecked().forEach(gap -> line("not checked", gap, out));
    }

    private static void line(String label, String text, PrintWriter out) {
        if (!text.isEmpty()) {
            out.printf("  %-11s %s%n", label, Text.printable(text));
        }
    }
}

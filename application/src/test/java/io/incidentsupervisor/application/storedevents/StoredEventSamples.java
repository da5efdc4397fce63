package io.incidentsupervisor.application.storedevents;

import static io.incidentsupervisor.domain.model.SampleIncidents.ALERT;
import static io.incidentsupervisor.domain.model.SampleIncidents.ID;
import static io.incidentsupervisor.domain.model.SampleIncidents.LEASE;
import static io.incidentsupervisor.domain.model.SampleIncidents.T0;

import io.incidentsupervisor.domain.diagnosis.Denial;
import io.incidentsupervisor.domain.diagnosis.DenialReason;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.Simulation;
import io.incidentsupervisor.domain.diagnosis.SuspectedChange;
import io.incidentsupervisor.domain.model.CollectorError;
import io.incidentsupervisor.domain.model.CollectorFinished;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.ContextEntry;
import io.incidentsupervisor.domain.model.ContextGathered;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.IncidentDiagnosed;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentReceived;
import io.incidentsupervisor.domain.model.IncidentRecurred;
import io.incidentsupervisor.domain.model.InvestigationFailed;
import io.incidentsupervisor.domain.model.InvestigationRetried;
import io.incidentsupervisor.domain.model.InvestigationStarted;
import io.incidentsupervisor.domain.model.TruncationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One event of each stored type, with every field of its shape filled: what the golden fixtures hold. */
final class StoredEventSamples {

    private StoredEventSamples() {}

    static Map<Class<?>, IncidentEvent> byClass() {
        Map<Class<?>, IncidentEvent> samples = new LinkedHashMap<>();
        samples.put(IncidentReceived.class, new IncidentReceived(ID, ALERT, T0));
        samples.put(InvestigationStarted.class, new InvestigationStarted(ID, 1, T0, T0.plus(LEASE)));
        samples.put(
                CollectorFinished.class,
                new CollectorFinished(
                        ID,
                        1,
                        "iam-role",
                        false,
                        T0.plusSeconds(1),
                        T0.plusSeconds(1).plus(LEASE)));
        samples.put(ContextGathered.class, new ContextGathered(ID, 1, context(), T0.plusSeconds(2)));
        samples.put(
                InvestigationFailed.class,
                new InvestigationFailed(
                        ID, 1, new FailureReason("Throttled", "Rate exceeded", true), T0.plusSeconds(2)));
        samples.put(
                InvestigationRetried.class,
                new InvestigationRetried(ID, 1, "attempt 1 failed with the retryable Throttled", T0.plusSeconds(3)));
        samples.put(
                IncidentRecurred.class,
                new IncidentRecurred(
                        ID,
                        "9f3c2a1e-5b7d-4c8e-a2f0-6d1b3e4a5c7f",
                        ALERT.timestamp().plusSeconds(180),
                        T0.plusSeconds(181)));
        samples.put(IncidentDiagnosed.class, new IncidentDiagnosed(ID, 1, diagnosis(), T0.plusSeconds(2)));
        return samples;
    }

    /** A verdict with every part filled: a denial, a simulation, the suspected change, its revert, a gap. */
    static Diagnosis diagnosis() {
        Denial denial = new Denial(
                "arn:aws:sts::123456789012:assumed-role/data-processor-role/data-processor",
                "data-processor-role",
                "s3:GetObject",
                "arn:aws:s3:::orders-prod-eu/2026/11/23.csv",
                new DenialReason(DenialReason.Effect.IMPLICIT, DenialReason.PolicyType.IDENTITY),
                "logs:4");
        return new Diagnosis(
                List.of(denial),
                "none of the role's 3 policies (results-write, AWSLambdaBasicExecutionRole, AWSXRayDaemonWriteAccess)"
                        + " allows s3:GetObject",
                List.of(new Simulation("s3:GetObject", denial.resource(), "implicitDeny", List.of())),
                new SuspectedChange(
                        "PutRolePolicy",
                        "6b1c0f4e-0000-4000-8000-00000000e002",
                        T0.minusSeconds(240),
                        "arn:aws:iam::123456789012:user/ops-alice",
                        "IAMUser",
                        "results-write",
                        "{\"Sid\":\"ReadOrders\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\"}",
                        "inline policy results-write was replaced by a document without the statement that allowed"
                                + " s3:GetObject"),
                "aws iam put-role-policy --role-name data-processor-role --policy-name results-write"
                        + " --policy-document file://results-write.json",
                "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
                Diagnosis.ChangeEvidence.FOUND,
                null,
                List.of("the simulation of s3:PutObject: Throttled (Throttling)"));
    }

    private static EnrichedContext context() {
        CollectorResult configuration =
                CollectorResult.gathered("lambda-configuration", Map.of("Runtime", "python3.12", "MemorySize", 512));
        CollectorResult logs = CollectorResult.gathered(
                "cloudwatch-logs",
                Map.of("logGroup", "/aws/lambda/data-processor"),
                List.of(
                        new ContextEntry(
                                ContextEntry.Relevance.FAILURE,
                                Map.of(
                                        "timestamp",
                                        "2026-11-23T07:59:59.900Z",
                                        "message",
                                        "An error occurred (AccessDenied) when calling the GetObject operation: Access Denied"))),
                true);
        CollectorResult role = CollectorResult.failed(
                "iam-role",
                new CollectorError(
                        "AccessDenied",
                        "AccessDenied",
                        "not authorized to perform: iam:ListAttachedRolePolicies",
                        "iam:ListAttachedRolePolicies"));
        return new EnrichedContext(
                ALERT,
                List.of(configuration, logs, role),
                T0.plusSeconds(2),
                210,
                new TruncationReport("o200k_base", 3000, 260, 210, Map.of("cloudwatch-logs", 3), List.of(), 1));
    }
}

package io.incidentsupervisor.bootstrap;

import io.incidentsupervisor.adapter.lambda.AlertMessage;
import io.incidentsupervisor.application.context.ContextFitter;
import io.incidentsupervisor.application.storedevents.StoredForm;
import io.incidentsupervisor.domain.diagnosis.DenialParser;
import io.incidentsupervisor.domain.diagnosis.Diagnosis;
import io.incidentsupervisor.domain.diagnosis.Diagnostician;
import io.incidentsupervisor.domain.model.CollectorResult;
import io.incidentsupervisor.domain.model.EnrichedContext;
import io.incidentsupervisor.domain.model.FailInvestigation;
import io.incidentsupervisor.domain.model.FailureReason;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentCommand;
import io.incidentsupervisor.domain.model.IncidentEvent;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.ReceiveIncident;
import io.incidentsupervisor.domain.model.RecordCollectorOutcome;
import io.incidentsupervisor.domain.model.RecordContext;
import io.incidentsupervisor.domain.model.RecordOccurrence;
import io.incidentsupervisor.domain.model.RecoverInvestigation;
import io.incidentsupervisor.domain.model.TruncationReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Walks the alert path once with made-up data and no side effect, so that a SnapStart snapshot holds its classes loaded
 * and initialised: parses a sample alert, decides, serializes and reads back every event type, renders and counts a
 * sample context, and rehearses each AWS request without sending it
 * ({@link AwsRehearsal}). Nothing is written and no credential is resolved.
 */
final class Priming {

    private static final String SAMPLE_ALERT = "{\"error_type\":\"S3AccessError\",\"error_message\":\"An error occurred"
            + " (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::123456789012:assumed-role/"
            + "sample-role/sample is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::sample/key\","
            + "\"error_code\":\"AccessDenied\",\"lambda_name\":\"sample\",\"timestamp\":\"%s\"}";
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final ContextFitter fitter;
    private final AwsClients clients;
    private final Clock clock;

    Priming(ContextFitter fitter, AwsClients clients, Clock clock) {
        this.fitter = fitter;
        this.clients = clients;
        this.clock = clock;
    }

    /** Primes the path once; returns the event types it serialized and read back. */
    Set<Class<?>> run() {
        Instant now = clock.instant();
        IncidentAlert alert = AlertMessage.parse(SAMPLE_ALERT.formatted(now.minusSeconds(5)), now);
        Diagnosis diagnosis = Diagnostician.diagnose(
                alert.timestamp(),
                now,
                new Diagnostician.Evidence(
                        DenialParser.parse(alert.errorMessage(), alert.errorType()),
                        null,
                        List.of(),
                        List.of(),
                        false,
                        List.of()));
        List<CollectorResult> results = List.of(CollectorResult.gathered(
                "lambda-configuration", Map.of("runtime", "java21", "environmentVariableNames", List.of("BUCKET"))));
        EnrichedContext context = fitter.forRow(
                new EnrichedContext(
                        alert, results, now, 0, new TruncationReport("o200k_base", 0, 0, 0, Map.of(), List.of(), 0)),
                diagnosis);

        IncidentId id = alert.incidentId();
        List<IncidentEvent> history = decide(
                new ReceiveIncident(alert, now, now.plus(LEASE)),
                new RecordOccurrence(
                        id,
                        new IncidentAlert(
                                alert.errorType(),
                                alert.errorMessage(),
                                alert.errorCode(),
                                alert.lambdaName(),
                                alert.timestamp().plusSeconds(1)),
                        "priming-repeat",
                        now),
                new RecordCollectorOutcome(id, 1, "lambda-configuration", true, now, now.plus(LEASE)),
                new FailInvestigation(id, 1, new FailureReason("Priming", "a rehearsal", true), now),
                new RecoverInvestigation(id, now, now.plus(LEASE), Duration.ZERO),
                new RecordContext(id, 2, context, diagnosis, now));
        Incident.replay(history);
        Set<Class<?>> serialized = roundTrip(history);
        AwsRehearsal.run(clients);
        return serialized;
    }

    private static List<IncidentEvent> decide(IncidentCommand... commands) {
        Incident incident = Incident.absent();
        List<IncidentEvent> history = new ArrayList<>();
        for (IncidentCommand command : commands) {
            for (IncidentEvent event : incident.decide(command)) {
                history.add(event);
                incident = incident.evolve(event);
            }
        }
        return history;
    }

    private static Set<Class<?>> roundTrip(List<IncidentEvent> history) {
        Serializer serializer = StoredForm.serializer();
        for (IncidentEvent event : history) {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            Object read = serializer.deserialize(stored);
            if (!event.equals(read)) {
                throw new IllegalStateException("Priming: " + stored.getType() + " did not read back as written");
            }
        }
        Set<Class<?>> types = history.stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = Set.copyOf(Arrays.asList(IncidentEvent.class.getPermittedSubclasses()));
        if (!types.equals(all)) {
            throw new IllegalStateException("Priming does not exercise every event type: " + all + " vs " + types);
        }
        return types;
    }
}

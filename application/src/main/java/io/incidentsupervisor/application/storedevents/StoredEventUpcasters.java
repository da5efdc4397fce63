package io.incidentsupervisor.application.storedevents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/** Every upcaster of stored events, oldest first: what reads any history ever written into today's classes. */
public final class StoredEventUpcasters {

    private StoredEventUpcasters() {}

    public static EventUpcaster chain() {
        return new EventUpcasterChain(new ClassNamesToDurableNames(), new VerdictWithChangesBeyondTheRole());
    }

    /**
     * Until 0.1.0 events were stored under their Java class names without a revision; those are revision 1 of the durable
     * names, with the same JSON. The class names are written out here, not derived, so they stay when classes move.
     */
    static final class ClassNamesToDurableNames extends SingleEventUpcaster {

        private static final Map<String, String> DURABLE_NAMES = Map.of(
                "io.incidentsupervisor.domain.model.IncidentReceived", "IncidentReceived",
                "io.incidentsupervisor.domain.model.InvestigationStarted", "InvestigationStarted",
                "io.incidentsupervisor.domain.model.CollectorFinished", "CollectorFinished",
                "io.incidentsupervisor.domain.model.ContextGathered", "ContextGathered",
                "io.incidentsupervisor.domain.model.InvestigationFailed", "InvestigationFailed",
                "io.incidentsupervisor.domain.model.InvestigationRetried", "InvestigationRetried");

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getRevision() == null
                    && DURABLE_NAMES.containsKey(representation.getType().getName());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    new SimpleSerializedType(
                            DURABLE_NAMES.get(representation.getType().getName()), "1"),
                    JsonNode.class,
                    Function.identity());
        }
    }

    /**
     * {@code IncidentDiagnosed} revision 2 (0.3.0) names the denying policy's ARN in each denial's reason, the roles at
     * risk with the suspected change, and the verdict's {@code deniedElsewhere} and {@code suggestedGrant}; a revision 1
     * verdict had none of them, so each is empty.
     */
    static final class VerdictWithChangesBeyondTheRole extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals("IncidentDiagnosed")
                    && "1".equals(representation.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(
                    new SimpleSerializedType("IncidentDiagnosed", "2"), JsonNode.class, event -> {
                        ObjectNode copy = event.deepCopy();
                        JsonNode diagnosis = copy.path("diagnosis");
                        if (diagnosis instanceof ObjectNode verdict) {
                            verdict.path("denials").forEach(denial -> {
                                if (denial.path("reason") instanceof ObjectNode reason) {
                                    reason.put("policyArn", "");
                                }
                            });
                            if (verdict.path("suspectedChange") instanceof ObjectNode suspect) {
                                suspect.putArray("atRisk");
                            }
                            verdict.put("deniedElsewhere", "");
                            verdict.put("suggestedGrant", "");
                        }
                        return copy;
                    });
        }
    }
}

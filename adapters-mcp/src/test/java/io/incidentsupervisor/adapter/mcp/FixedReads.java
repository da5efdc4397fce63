package io.incidentsupervisor.adapter.mcp;

import io.incidentsupervisor.application.port.in.ReadIncidentForAgent;
import io.incidentsupervisor.application.port.out.IncidentPage;
import java.util.List;
import java.util.Optional;

/** Reading ports that answer from nothing, for the transports' rules: the tools' own answers are tested on real stores. */
final class FixedReads {

    private FixedReads() {}

    static McpEndpoint endpoint() {
        return endpoint(new IncidentPage(List.of(), null));
    }

    static McpEndpoint endpoint(IncidentPage page) {
        ReadIncidentForAgent nothing = new ReadIncidentForAgent() {
            @Override
            public Optional<AgentAnswer> read(io.incidentsupervisor.domain.model.IncidentId id, int maxTokens) {
                return Optional.empty();
            }

            @Override
            public Optional<EvidenceItem> evidence(io.incidentsupervisor.domain.model.IncidentId id, String evidence) {
                throw new IllegalStateException("the evidence store is down");
            }
        };
        return new McpEndpoint(
                new IncidentTools(new IncidentTools.Reads(
                        (filter, after, limit) -> page,
                        nothing,
                        id -> List.of(),
                        now -> List.of(),
                        new io.incidentsupervisor.application.port.in.ListRootCauses() {
                            @Override
                            public List<io.incidentsupervisor.application.port.in.RootCauseGroup> rootCauses(int max) {
                                return List.of();
                            }

                            @Override
                            public Optional<io.incidentsupervisor.application.port.in.RootCauseGroup> rootCause(
                                    String eventId) {
                                return Optional.empty();
                            }
                        })),
                "test");
    }
}

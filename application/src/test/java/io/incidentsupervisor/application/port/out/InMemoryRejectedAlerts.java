package io.incidentsupervisor.application.port.out;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Rejected alerts in a map, keeping the first of each message id, as the DynamoDB store does; for tests. */
public final class InMemoryRejectedAlerts implements RejectedAlerts {

    private final Map<String, RejectedAlert> byMessage = new ConcurrentHashMap<>();

    @Override
    public void keep(RejectedAlert rejected) {
        byMessage.putIfAbsent(rejected.messageId(), rejected);
    }

    @Override
    public List<RejectedAlert> latest(int limit) {
        return byMessage.values().stream()
                .sorted(Comparator.comparing(RejectedAlert::rejectedAt).reversed())
                .limit(limit)
                .toList();
    }
}

package io.incidentsupervisor.application.port.out;

import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.FailureSignature;
import io.incidentsupervisor.domain.model.IncidentId;
import java.time.Instant;

/**
 * Outgoing: which incident holds each failure's open episode, keyed by the failure ({@link FailureSignature#key()}):
 * every read is a key read or a conditional write, so two processes handling alerts of one episode at once agree on
 * one incident.
 */
public interface Episodes {

    /**
     * The incident an alert of {@code failure} that failed at {@code failedAt} belongs to: the incident holding the
     * failure's episode while {@code window} keeps it open (whose latest alert moves on to {@code failedAt}), else
     * {@code candidate}, which then holds it. An alert from before the episode's first is {@code candidate}'s, and
     * holds nothing.
     */
    IncidentId join(FailureSignature failure, IncidentId candidate, Instant failedAt, EpisodeWindow window);

    /**
     * Hands the episode from {@code absent}, which holds it but was never recorded (whoever claimed it died first), to
     * {@code candidate}; false when {@code absent} no longer holds it.
     */
    boolean takeOver(FailureSignature failure, IncidentId absent, IncidentId candidate, Instant failedAt);

    /** The verdict of {@code incident} became final at {@code at}: its episode ends one window later. */
    void verdictFinal(FailureSignature failure, IncidentId incident, Instant at);
}

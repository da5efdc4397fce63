package io.incidentsupervisor.application.investigation;

import io.incidentsupervisor.application.AxonRuntime;
import io.incidentsupervisor.application.OccurrenceRecorded;
import io.incidentsupervisor.application.port.in.Delivery;
import io.incidentsupervisor.application.port.in.Outcome;
import io.incidentsupervisor.application.port.in.Outcome.Duplicate;
import io.incidentsupervisor.application.port.in.Outcome.Recurred;
import io.incidentsupervisor.application.port.out.Episodes;
import io.incidentsupervisor.application.projection.Projections;
import io.incidentsupervisor.domain.model.EpisodeWindow;
import io.incidentsupervisor.domain.model.FailureSignature;
import io.incidentsupervisor.domain.model.Incident;
import io.incidentsupervisor.domain.model.IncidentAlert;
import io.incidentsupervisor.domain.model.IncidentId;
import io.incidentsupervisor.domain.model.IncidentRefusal.UnknownIncident;
import io.incidentsupervisor.domain.model.RecordOccurrence;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts an alert of a failure whose episode is open as an occurrence of the incident holding it, which starts no
 * collector and no diagnosis. The episode's holder may be claimed a moment before its incident is recorded, so an
 * occurrence waits for it up to {@code claimGrace}; a holder still unrecorded then died after its claim, and this alert
 * takes the episode over and opens the incident itself.
 */
public final class Recurrences {

    private static final Logger LOG = LoggerFactory.getLogger(Recurrences.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(25);

    private final AxonRuntime axon;
    private final Episodes episodes;
    private final Projections projections;
    private final EpisodeWindow window;
    private final Duration claimGrace;
    private final Clock clock;

    public Recurrences(
            AxonRuntime axon,
            Episodes episodes,
            Projections projections,
            EpisodeWindow window,
            Duration claimGrace,
            Clock clock) {
        this.axon = Objects.requireNonNull(axon, "axon");
        this.episodes = Objects.requireNonNull(episodes, "episodes");
        this.projections = Objects.requireNonNull(projections, "projections");
        this.window = Objects.requireNonNull(window, "window");
        this.claimGrace = Objects.requireNonNull(claimGrace, "claimGrace");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome when the alert is an occurrence of another incident; empty when it opens (or is) its own. */
    Optional<Outcome> count(IncidentAlert alert, Delivery delivery) {
        IncidentId own = alert.incidentId();
        FailureSignature failure = FailureSignature.of(alert);
        IncidentId holder = episodes.join(failure, own, alert.timestamp(), window);
        if (holder.equals(own)) {
            return Optional.empty();
        }
        Duration waited = Duration.ZERO;
        for (Duration pause = FIRST_PAUSE; ; pause = pause.multipliedBy(2)) {
            try {
                return Optional.of(record(holder, alert, delivery));
            } catch (AggregateNotFoundException | UnknownIncident claimedNotRecorded) {
                if (waited.plus(pause).compareTo(claimGrace) > 0
                        || !clock.instant().plus(pause).isBefore(delivery.deadline())) {
                    break;
                }
                sleep(pause);
                waited = waited.plus(pause);
            }
        }
        if (episodes.takeOver(failure, holder, own, alert.timestamp())) {
            LOG.warn(
                    "{} held the episode of {} but was never recorded; {} opens it instead",
                    holder,
                    failure.key(),
                    own);
            return Optional.empty();
        }
        // Someone else took it over meanwhile: count this alert there.
        IncidentId next = episodes.join(failure, own, alert.timestamp(), window);
        return next.equals(own) ? Optional.empty() : Optional.of(record(next, alert, delivery));
    }

    /** A repeat is projected too: its rows may be behind when an earlier delivery died after its commit. */
    private Outcome record(IncidentId holder, IncidentAlert alert, Delivery delivery) {
        OccurrenceRecorded recorded =
                axon.record(new RecordOccurrence(holder, alert, delivery.messageId(), clock.instant()), delivery);
        projections.project(recorded.history());
        return recorded.counted() ? new Recurred(holder, recorded.occurrences()) : new Duplicate(holder);
    }

    /** The verdict of an incident became final: its episode ends one window from now. Best effort: a failure keeps it open longer. */
    public void verdictFinal(Incident incident) {
        try {
            episodes.verdictFinal(FailureSignature.of(incident.alert()), incident.id(), clock.instant());
        } catch (RuntimeException failure) {
            LOG.warn(
                    "Could not record that the verdict on {} is final; its episode stays open until its alerts stop",
                    incident.id(),
                    failure);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the incident holding the episode", e);
        }
    }
}

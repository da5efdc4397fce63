package io.incidentsupervisor.application.port.in;

import java.util.function.LongConsumer;

/** Recomputes every projection row from the global event stream. */
public interface RebuildProjections {

    /** Reports the number of events read so far to {@code progress}; returns the number of incidents rebuilt. */
    int rebuild(LongConsumer progress);
}

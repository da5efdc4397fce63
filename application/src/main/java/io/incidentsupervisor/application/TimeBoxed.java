package io.incidentsupervisor.application;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs calls on daemon threads and waits for each no longer than the time it is given: the one home of "never past the
 * deadline". A call cut off is interrupted and left to the SDK's own call timeouts; its late answer is ignored.
 */
public final class TimeBoxed {

    /** How a call ended: with its value, cut off at its time, or by throwing. */
    public sealed interface Ended<T> {}

    public record Done<T>(T value) implements Ended<T> {}

    public record CutOff<T>(Duration after) implements Ended<T> {}

    public record Threw<T>(Throwable cause) implements Ended<T> {}

    private final ExecutorService threads;

    public TimeBoxed(String threadName) {
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code call}, waiting at most {@code within}; an interrupt of the waiting thread is restored and thrown. */
    public <T> Ended<T> run(Callable<T> call, Duration within) {
        return start(call).await(within);
    }

    /** Starts {@code call} and returns at once: {@link Running#await} waits for it. */
    public <T> Running<T> start(Callable<T> call) {
        return new Running<>(threads.submit(call));
    }

    /** A call started on its own thread. */
    public static final class Running<T> {

        private final Future<T> running;

        private Running(Future<T> running) {
            this.running = running;
        }

        /** Whether the call has ended, one way or another: {@link #await} would not wait. */
        public boolean hasEnded() {
            return running.isDone();
        }

        /** Interrupts the call if it is still running; its answer will not be read. */
        public void cancel() {
            running.cancel(true);
        }

        /**
         * Waits at most {@code within} (none if it is not positive) for the call to end; one that has not ended by then
         * is interrupted and cut off. An interrupt of the waiting thread is restored and thrown.
         */
        public Ended<T> await(Duration within) {
            try {
                return new Done<>(running.get(Math.max(0, within.toMillis()), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                running.cancel(true);
                return new CutOff<>(within);
            } catch (ExecutionException e) {
                return new Threw<>(e.getCause());
            } catch (InterruptedException e) {
                running.cancel(true);
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a time-boxed call", e);
            }
        }
    }
}

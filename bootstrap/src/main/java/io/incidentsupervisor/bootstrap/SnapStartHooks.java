package io.incidentsupervisor.bootstrap;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's runtime hooks. Before the snapshot: the entry's priming ({@link Priming}, {@link McpPriming}), so that a
 * restored environment starts with its path's classes loaded and initialised and the tokenizer's vocabulary read. After restore: nothing is renewed,
 * because nothing that must differ between environments is made before the snapshot. The SDK's credentials are not
 * resolved (priming uses anonymous ones), no connection is opened (no request is sent), the service reads the clock on
 * every use, and the only random source on the path is {@code UUID.randomUUID} (Axon's event identifiers), whose
 * {@code SecureRandom} Lambda's Java runtimes keep unique across restored environments. What metrics carry is stamped
 * when it is written. {@code docs/deployment.md#snapstart} says the same for operators.
 *
 * <p>The global context holds resources weakly: the wiring keeps this object for the life of the environment.
 */
final class SnapStartHooks implements Resource {

    private final Runnable priming;

    private SnapStartHooks(Runnable priming) {
        this.priming = priming;
    }

    static SnapStartHooks register(Runnable priming) {
        SnapStartHooks hooks = new SnapStartHooks(priming);
        Core.getGlobalContext().register(hooks);
        return hooks;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        priming.run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: see the class comment.
    }
}

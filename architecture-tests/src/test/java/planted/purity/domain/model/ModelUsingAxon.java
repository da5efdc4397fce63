package planted.purity.domain.model;

import org.axonframework.modelling.command.AggregateLifecycle;

/** Planted: the domain applies events through Axon itself. */
public class ModelUsingAxon {
    void happen(Object event) {
        AggregateLifecycle.apply(event);
    }
}

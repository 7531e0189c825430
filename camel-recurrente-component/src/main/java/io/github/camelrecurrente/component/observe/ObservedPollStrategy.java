package io.github.camelrecurrente.component.observe;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/** Counts polls and failed polls around the consumer's own (or the user's) poll strategy. */
public final class ObservedPollStrategy implements PollingConsumerPollStrategy {

    private final PollingConsumerPollStrategy delegate;
    private final EndpointObserver observer;

    private ObservedPollStrategy(PollingConsumerPollStrategy delegate, EndpointObserver observer) {
        this.delegate = delegate == null ? new DefaultPollingConsumerPollStrategy() : delegate;
        this.observer = observer;
    }

    /** Wraps the strategy, once. */
    public static PollingConsumerPollStrategy wrap(PollingConsumerPollStrategy strategy, EndpointObserver observer) {
        return strategy instanceof ObservedPollStrategy ? strategy : new ObservedPollStrategy(strategy, observer);
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return delegate.begin(consumer, endpoint);
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        observer.pollSucceeded();
        delegate.commit(consumer, endpoint, polledMessages);
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
        observer.pollFailed(cause);
        return delegate.rollback(consumer, endpoint, retryCounter, cause);
    }
}

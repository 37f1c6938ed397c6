package io.github.dbtestkit.core.internal.engine;

/** Why initdb or pg_ctl did not get the server running; becomes the middle part of the start failure's message. */
final class ClusterStartFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ClusterStartFailure(String message) {
        super(message);
    }
}

package io.github.dbtestkit.internal.setup;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.hibernate.HibernateBoot;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * A {@code SessionFactory} being built on a daemon thread of its own (one per build, so nothing outlives it), for
 * {@link PreparedDatabase#buildSessionFactoryInBackground()}. The thread takes the starting thread's context class
 * loader, since Hibernate loads entity and service classes through it. Whoever needs the factory {@link #await()}s it;
 * a failure reaches them with Hibernate's message unchanged.
 *
 * <pre>{@code
 * BackgroundFactory building = BackgroundFactory.start(boot, "h2 [BenchRow]", built -> { }, () -> { });
 * Optional<SessionFactory> factory = building.await();
 * }</pre>
 */
final class BackgroundFactory {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundFactory.class);

    private final CompletableFuture<SessionFactory> result = new CompletableFuture<>();

    private BackgroundFactory() {
    }

    /**
     * Starts the build. {@code onBuilt} receives the factory before any {@link #await()} returns it; {@code onFailed}
     * runs, before {@link #await()} returns, when the build failed.
     */
    static BackgroundFactory start(HibernateBoot boot, String what, Consumer<SessionFactory> onBuilt, Runnable onFailed) {
        BackgroundFactory building = new BackgroundFactory();
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            try {
                SessionFactory factory = boot.buildSessionFactory();
                onBuilt.accept(factory);
                LOG.debug("dbtestkit: SessionFactory for {} built in the background ({} ms)", what,
                        (System.nanoTime() - start) / 1_000_000);
                building.result.complete(factory);
            } catch (Throwable e) {
                onFailed.run();
                building.result.completeExceptionally(e);
            }
        }, "dbtestkit-session-factory " + what);
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        thread.start();
        return building;
    }

    /**
     * Waits for the build to end: the factory, or empty when it failed otherwise than Hibernate's build reports (the
     * caller then builds again on its own thread and fails as it would have).
     *
     * @throws ProvisioningException with the build's message when Hibernate could not build the factory
     */
    Optional<SessionFactory> await() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return Optional.of(result.get());
                } catch (InterruptedException e) {
                    // the build cannot be abandoned half way (it would leave Hibernate's services open): wait it out
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof ProvisioningException failure) {
                        throw new ProvisioningException(failure.getMessage(), failure);
                    }
                    return Optional.empty();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits for the build to end, whatever its outcome: for closing. */
    void awaitEnd() {
        try {
            await();
        } catch (ProvisioningException ignored) {
            // nothing was built, so nothing is left to close
        }
    }
}

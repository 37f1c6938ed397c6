package io.github.dbtestkit.core.internal.engine;

import io.github.dbtestkit.core.DatabaseServer;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.Provider;
import io.github.dbtestkit.core.PostgresSettings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Chooses the PostgreSQL provider ({@code dbtestkit.postgresql.provider}) and starts it. Under {@code auto}:
 * external when a URL is set, else embedded when zonky's binaries are on the classpath, else Testcontainers when a
 * Docker engine answers, else binaries installed on the machine, else an error that lists all four ways.
 */
final class PostgresProviders {


    /** What {@code auto} looks at, in its order; tests pass fakes. */
    record Probes(BooleanSupplier embeddedBinaries, BooleanSupplier dockerAnswers, BooleanSupplier localBinaries) {
    }

    private PostgresProviders() {
    }

    static Provider choose(PostgresSettings settings) {
        if (settings.provider().isPresent()) {
            return settings.provider().get();
        }
        return choose(settings, new Probes(
                () -> EmbeddedBinaries.current().available(),
                () -> ClassPresence.isPresent(TestcontainersPostgres.CONTAINER_CLASS) && DockerProbe.current().answers(),
                () -> LocalBinaries.current().find(settings.version()).isPresent()));
    }

    static Provider choose(PostgresSettings settings, Probes probes) {
        if (settings.provider().isPresent()) {
            return settings.provider().get();
        }
        if (settings.url().isPresent()) {
            return Provider.EXTERNAL;
        }
        if (probes.embeddedBinaries().getAsBoolean()) {
            return Provider.EMBEDDED;
        }
        if (probes.dockerAnswers().getAsBoolean()) {
            return Provider.TESTCONTAINERS;
        }
        if (probes.localBinaries().getAsBoolean()) {
            return Provider.LOCAL;
        }
        throw new ProvisioningException(noProviderMessage(EmbeddedBinaries.Platform.current(), DockerProbe.current(),
                LocalBinaries.current()));
    }

    static String noProviderMessage(EmbeddedBinaries.Platform platform, DockerProbe docker, LocalBinaries local) {
        return "PostgreSQL cannot run here: " + PostgresSettings.PROVIDER + "=auto found no way to start it. Choose one:\n"
                + "  - embedded: add " + EmbeddedBinaries.ZONKY_COORDINATES + " to the test classpath" + (platform.bundledWithZonky() ? ""
                : " (on " + platform.os() + " " + platform.arch() + " also " + platform.artifact() + ", versions from the BOM "
                + EmbeddedBinaries.BOM_COORDINATES + ")") + ";\n"
                + "  - testcontainers: add " + TestcontainersPostgres.COORDINATES + " and start a Docker engine (none answered at "
                + String.join(", ", docker.locations()) + ");\n"
                + "  - external: set " + PostgresSettings.URL + " (and .username, .password) to a server where that user may "
                + "CREATE DATABASE;\n"
                + "  - local: install PostgreSQL so that initdb, pg_ctl and postgres are on the PATH or in one of "
                + String.join(", ", LocalBinaries.USUAL_FOLDERS) + ".";
    }

    static DatabaseServer start(Provider provider, PostgresSettings settings) {
        return start(provider, settings, PostgresCluster.Options.from(settings.templateCache()));
    }

    /** @param options how a cluster dbtestkit runs itself (embedded, local) is run; tests change it. */
    static DatabaseServer start(Provider provider, PostgresSettings settings, PostgresCluster.Options options) {
        // Before anything starts: a cluster or container without a driver to reach it would be wasted.
        JdbcDriver.POSTGRESQL.require(ClassPresence.onClasspath());
        return switch (provider) {
            case EMBEDDED -> startCluster(Provider.EMBEDDED, EmbeddedBinaries.current().binDir(), settings, options);
            case LOCAL -> startCluster(Provider.LOCAL, localBinDir(settings), settings, options);
            case EXTERNAL -> external(settings);
            case TESTCONTAINERS -> TestcontainersPostgres.start(settings, ClassPresence.onClasspath(), DockerProbe.current());
            case IN_MEMORY -> throw new IllegalArgumentException("PostgreSQL does not run in memory: expected one of auto, "
                    + Provider.postgresIds() + ".");
        };
    }

    /** An external server, keeping templates unless it serves a schema per database (no CREATEDB), which cannot copy them. */
    private static DatabaseServer external(PostgresSettings settings) {
        DatabaseServer server = ExternalPostgres.start(settings);
        return server instanceof PostgresServer databases ? withCache(databases, settings, Optional.empty()) : server;
    }

    private static Path localBinDir(PostgresSettings settings) {
        LocalBinaries local = LocalBinaries.current();
        return local.find(settings.version()).orElseThrow(() -> new ProvisioningException(
                "PostgreSQL (local) needs initdb, pg_ctl and postgres"
                        + settings.version().map(v -> " of version " + v + " (" + PostgresSettings.VERSION + ")").orElse("")
                        + ", and found none in " + local.searched() + found(local)
                        + ": install PostgreSQL, or set " + PostgresSettings.PROVIDER + "=embedded|testcontainers|external."));
    }

    private static String found(LocalBinaries local) {
        var candidates = local.candidates();
        if (candidates.isEmpty()) {
            return "";
        }
        StringBuilder found = new StringBuilder(" (found ");
        for (int i = 0; i < candidates.size(); i++) {
            Path dir = candidates.get(i);
            found.append(i == 0 ? "" : ", ").append(PostgresVersion.of(dir).orElse("unknown version")).append(" in ").append(dir);
        }
        return found.append(")").toString();
    }

    static PostgresServer startCluster(Provider provider, Path binDir, PostgresSettings settings, PostgresCluster.Options options) {
        Optional<String> version = PostgresVersion.of(binDir);
        if (provider == Provider.EMBEDDED && settings.version().isPresent() && version.isPresent()
                && !PostgresVersion.matches(version.get(), settings.version().get())) {
            throw new ProvisioningException(PostgresSettings.VERSION + "=" + settings.version().get()
                    + " but the embedded binaries on the test classpath are PostgreSQL " + version.get() + ": import "
                    + EmbeddedBinaries.BOM_COORDINATES + " in a version that starts with " + settings.version().get()
                    + ", or remove the setting.");
        }
        String description = "PostgreSQL (" + provider + ") " + version.orElse("") + " from " + binDir;
        PostgresCluster cluster = PostgresCluster.start(binDir, description.replace(")  from", ") from"), options,
                RootCheck.current(), version.orElse(""));
        PostgresServer server = PostgresServer.connect(provider, cluster.jdbcUrl("postgres"), PostgresCluster.SUPERUSER, "",
                cluster::jdbcUrl, cluster::close);
        // templates are worth keeping only where the cluster is kept: with a cache in the options
        return options.snapshots().isPresent() ? withCache(server, settings, Optional.of(cluster)) : server;
    }

    /**
     * The server, keeping migrated templates across runs when the settings allow it. Not for Testcontainers: its
     * container, and so anything kept in it, goes away with the run.
     */
    private static PostgresServer withCache(PostgresServer server, PostgresSettings settings, Optional<PostgresCluster> cluster) {
        PostgresSettings.TemplateCache cache = settings.templateCache();
        return cache.enabled() ? server.withTemplateCache(new TemplateCache(cache.maxTemplates(), cluster)) : server;
    }
}

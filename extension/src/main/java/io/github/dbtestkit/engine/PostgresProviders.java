package io.github.dbtestkit.engine;

import io.github.dbtestkit.config.Settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Chooses the PostgreSQL provider ({@code dbtestkit.postgresql.provider}) and starts it. Under {@code auto}:
 * external when a URL is set, else embedded when zonky's binaries are on the classpath, else Testcontainers when a
 * Docker engine answers, else binaries installed on the machine, else an error that lists all four ways.
 */
final class PostgresProviders {

    static final String EMBEDDED = "embedded";
    static final String LOCAL = "local";

    /** What {@code auto} looks at, in its order; tests pass fakes. */
    record Probes(BooleanSupplier embeddedBinaries, BooleanSupplier dockerAnswers, BooleanSupplier localBinaries) {
    }

    // auto probes the machine (classpath, Docker socket, folders): once per settings is enough.
    private static final Map<Settings, String> AUTO_CHOICES = new ConcurrentHashMap<>();

    private PostgresProviders() {
    }

    static String choose(Settings settings) {
        if (!"auto".equals(settings.postgresqlProvider())) {
            return settings.postgresqlProvider();
        }
        return AUTO_CHOICES.computeIfAbsent(settings, s -> choose(s, new Probes(
                () -> EmbeddedBinaries.current().available(),
                () -> ClassPresence.isPresent(TestcontainersPostgres.CONTAINER_CLASS) && DockerProbe.current().answers(),
                () -> LocalBinaries.current().find(s.postgresqlVersion()).isPresent())));
    }

    static String choose(Settings settings, Probes probes) {
        if (!"auto".equals(settings.postgresqlProvider())) {
            return settings.postgresqlProvider();
        }
        if (settings.postgresqlUrl().isPresent()) {
            return ExternalPostgres.PROVIDER;
        }
        if (probes.embeddedBinaries().getAsBoolean()) {
            return EMBEDDED;
        }
        if (probes.dockerAnswers().getAsBoolean()) {
            return TestcontainersPostgres.PROVIDER;
        }
        if (probes.localBinaries().getAsBoolean()) {
            return LOCAL;
        }
        throw new IllegalStateException(noProviderMessage(EmbeddedBinaries.Platform.current(), DockerProbe.current(),
                LocalBinaries.current()));
    }

    static String noProviderMessage(EmbeddedBinaries.Platform platform, DockerProbe docker, LocalBinaries local) {
        return "PostgreSQL cannot run here: " + Settings.POSTGRESQL_PROVIDER + "=auto found no way to start it. Choose one:\n"
                + "  - embedded: add " + EmbeddedBinaries.ZONKY_COORDINATES + " to the test classpath" + (platform.bundledWithZonky() ? ""
                : " (on " + platform.os() + " " + platform.arch() + " also " + platform.artifact() + ", versions from the BOM "
                + EmbeddedBinaries.BOM_COORDINATES + ")") + ";\n"
                + "  - testcontainers: add " + TestcontainersPostgres.COORDINATES + " and start a Docker engine (none answered at "
                + String.join(", ", docker.locations()) + ");\n"
                + "  - external: set " + Settings.POSTGRESQL_URL + " (and .username, .password) to a server where that user may "
                + "CREATE DATABASE;\n"
                + "  - local: install PostgreSQL so that initdb, pg_ctl and postgres are on the PATH or in one of "
                + String.join(", ", LocalBinaries.USUAL_FOLDERS) + ".";
    }

    static PostgresServer start(String provider, Settings settings) {
        return start(provider, settings, PostgresCluster.Options.defaults());
    }

    /** @param options how a cluster dbtestkit runs itself (embedded, local) is run; tests change it. */
    static PostgresServer start(String provider, Settings settings, PostgresCluster.Options options) {
        // Before anything starts: a cluster or container without a driver to reach it would be wasted.
        JdbcDriver.POSTGRESQL.require(ClassPresence.onClasspath());
        return switch (provider) {
            case EMBEDDED -> startCluster(EMBEDDED, EmbeddedBinaries.current().binDir(), settings, options);
            case LOCAL -> startCluster(LOCAL, localBinDir(settings), settings, options);
            case ExternalPostgres.PROVIDER -> ExternalPostgres.start(settings);
            case TestcontainersPostgres.PROVIDER -> TestcontainersPostgres.start(settings, ClassPresence.onClasspath(), DockerProbe.current());
            default -> throw new IllegalStateException("Unknown " + Settings.POSTGRESQL_PROVIDER + " '" + provider
                    + "': expected one of " + String.join(", ", Settings.POSTGRESQL_PROVIDERS) + ".");
        };
    }

    private static Path localBinDir(Settings settings) {
        LocalBinaries local = LocalBinaries.current();
        return local.find(settings.postgresqlVersion()).orElseThrow(() -> new IllegalStateException(
                "PostgreSQL (local) needs initdb, pg_ctl and postgres"
                        + settings.postgresqlVersion().map(v -> " of version " + v + " (" + Settings.POSTGRESQL_VERSION + ")").orElse("")
                        + ", and found none in " + local.searched() + found(local)
                        + ": install PostgreSQL, or set " + Settings.POSTGRESQL_PROVIDER + "=embedded|testcontainers|external."));
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

    static PostgresServer startCluster(String provider, Path binDir, Settings settings, PostgresCluster.Options options) {
        Optional<String> version = PostgresVersion.of(binDir);
        if (provider.equals(EMBEDDED) && settings.postgresqlVersion().isPresent() && version.isPresent()
                && !PostgresVersion.matches(version.get(), settings.postgresqlVersion().get())) {
            throw new IllegalStateException(Settings.POSTGRESQL_VERSION + "=" + settings.postgresqlVersion().get()
                    + " but the embedded binaries on the test classpath are PostgreSQL " + version.get() + ": import "
                    + EmbeddedBinaries.BOM_COORDINATES + " in a version that starts with " + settings.postgresqlVersion().get()
                    + ", or remove the setting.");
        }
        String description = "PostgreSQL (" + provider + ") " + version.orElse("") + " from " + binDir;
        PostgresCluster cluster = PostgresCluster.start(binDir, description.replace(")  from", ") from"), options,
                RootCheck.current());
        return PostgresServer.connect(provider, cluster.jdbcUrl("postgres"), PostgresCluster.SUPERUSER, "",
                cluster::jdbcUrl, cluster::close).runningOn(cluster);
    }
}

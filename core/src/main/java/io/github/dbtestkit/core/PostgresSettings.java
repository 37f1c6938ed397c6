package io.github.dbtestkit.core;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How PostgreSQL is provided, read once per run. Its {@link #toString()} never shows the password.
 *
 * <pre>{@code
 * PostgresSettings settings = PostgresSettings.from(key -> Optional.ofNullable(System.getProperty(key)));
 * Optional<Provider> pinned = settings.provider(); // empty: auto
 * }</pre>
 *
 * @param provider {@code dbtestkit.postgresql.provider}; empty under {@code auto} (the default)
 * @param url      {@code dbtestkit.postgresql.url}: an external server's JDBC URL, if set
 * @param username {@code dbtestkit.postgresql.username}
 * @param password {@code dbtestkit.postgresql.password}; never logged or shown
 * @param version  {@code dbtestkit.postgresql.version}: embedded or local binaries' version, if pinned
 * @param image    {@code dbtestkit.postgresql.image}: the Testcontainers image
 * @param templateCache how migrated templates and initialised clusters are kept across runs
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PostgresSettings(Optional<Provider> provider, Optional<String> url, Optional<String> username,
                               Optional<String> password, Optional<String> version, String image,
                               TemplateCache templateCache) {

    /** Key of the PostgreSQL provider choice. */
    public static final String PROVIDER = "dbtestkit.postgresql.provider";
    /** Key of an external server's URL. */
    public static final String URL = "dbtestkit.postgresql.url";
    /** Key of an external server's user name. */
    public static final String USERNAME = "dbtestkit.postgresql.username";
    /** Key of an external server's password. */
    public static final String PASSWORD = "dbtestkit.postgresql.password";
    /** Key of the embedded or local binaries' version. */
    public static final String VERSION = "dbtestkit.postgresql.version";
    /** Key of the Testcontainers image. */
    public static final String IMAGE = "dbtestkit.postgresql.image";
    /** Key that turns the template cache across runs on ({@code true}, the default) or off. */
    public static final String TEMPLATE_CACHE = "dbtestkit.postgresql.template-cache";
    /** Key of the folder that keeps initialised clusters across runs. */
    public static final String TEMPLATE_CACHE_DIR = "dbtestkit.postgresql.template-cache.dir";
    /** Key of how many migrated templates one server keeps, least recently used dropped first. */
    public static final String TEMPLATE_CACHE_MAX_TEMPLATES = "dbtestkit.postgresql.template-cache.max-templates";
    /** Key of how many megabytes the cache folder may hold, least recently used clusters deleted first. */
    public static final String TEMPLATE_CACHE_MAX_SIZE = "dbtestkit.postgresql.template-cache.max-size-mb";
    /** The Testcontainers image used when none is set. */
    public static final String DEFAULT_IMAGE = "postgres:17-alpine";

    /** Checks for nulls. */
    public PostgresSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(templateCache, "templateCache");
    }

    /**
     * What dbtestkit keeps across runs so that a second run skips {@code initdb} and the migrations (see
     * docs/postgresql-speed.md): a copy of an initialised cluster per binaries' version (embedded and local providers),
     * and one template database per migrations checksum on every server, external ones included.
     *
     * @param enabled      {@code dbtestkit.postgresql.template-cache}, {@code true} unless set to {@code false}
     * @param dir          {@code dbtestkit.postgresql.template-cache.dir}; empty for the user's cache folder
     *                     ({@code $XDG_CACHE_HOME/dbtestkit/clusters} or {@code ~/.cache/dbtestkit/clusters})
     * @param maxTemplates {@code dbtestkit.postgresql.template-cache.max-templates}, 10 by default
     * @param maxMegabytes {@code dbtestkit.postgresql.template-cache.max-size-mb}, 2048 by default
     */
    public record TemplateCache(boolean enabled, Optional<java.nio.file.Path> dir, int maxTemplates, long maxMegabytes) {

        /** Checks the bounds. */
        public TemplateCache {
            Objects.requireNonNull(dir, "dir");
            if (maxTemplates < 1) {
                throw new IllegalArgumentException(TEMPLATE_CACHE_MAX_TEMPLATES + " must be at least 1, not " + maxTemplates
                        + " (set " + TEMPLATE_CACHE + "=false to turn the cache off)");
            }
            if (maxMegabytes < 1) {
                throw new IllegalArgumentException(TEMPLATE_CACHE_MAX_SIZE + " must be at least 1, not " + maxMegabytes);
            }
        }

        /** No cache: every run initialises its cluster and migrates. */
        public static final TemplateCache OFF = new TemplateCache(false, Optional.empty(), 10, 2048);

        static TemplateCache from(Function<String, Optional<String>> nonBlank) {
            boolean enabled = nonBlank.apply(TEMPLATE_CACHE).map(v -> parseBoolean(TEMPLATE_CACHE, v)).orElse(true);
            Optional<java.nio.file.Path> dir = nonBlank.apply(TEMPLATE_CACHE_DIR).map(java.nio.file.Path::of);
            int maxTemplates = nonBlank.apply(TEMPLATE_CACHE_MAX_TEMPLATES).map(v -> (int) parseLong(TEMPLATE_CACHE_MAX_TEMPLATES, v))
                    .orElse(10);
            long maxMegabytes = nonBlank.apply(TEMPLATE_CACHE_MAX_SIZE).map(v -> parseLong(TEMPLATE_CACHE_MAX_SIZE, v)).orElse(2048L);
            return new TemplateCache(enabled, dir, maxTemplates, maxMegabytes);
        }

        private static boolean parseBoolean(String key, String value) {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new IllegalArgumentException(key + "=" + value + " is not true or false");
        }

        private static long parseLong(String key, String value) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + "=" + value + " is not a whole number", e);
            }
        }
    }

    /** Defaults, as if nothing were configured. */
    public static PostgresSettings defaults() {
        return from(key -> Optional.empty());
    }

    /**
     * Reads the settings through a lookup that already applies the precedence of configuration sources.
     *
     * @throws IllegalArgumentException naming the key and the bad value (never the password)
     */
    public static PostgresSettings from(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> nonBlank = key -> lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty());
        Optional<Provider> provider = nonBlank.apply(PROVIDER)
                .filter(v -> !v.equalsIgnoreCase("auto"))
                .map(Provider::fromId);
        return new PostgresSettings(provider, nonBlank.apply(URL), nonBlank.apply(USERNAME), lookup.apply(PASSWORD),
                nonBlank.apply(VERSION), nonBlank.apply(IMAGE).orElse(DEFAULT_IMAGE), TemplateCache.from(nonBlank));
    }

    /** The same settings with {@code provider} chosen. */
    public PostgresSettings withProvider(Provider chosen) {
        return new PostgresSettings(Optional.of(chosen), url, username, password, version, image, templateCache);
    }

    /** The same settings with the template cache set so. */
    public PostgresSettings withTemplateCache(TemplateCache cache) {
        return new PostgresSettings(provider, url, username, password, version, image, cache);
    }

    /** The provider as configured: its id, or {@code auto}. */
    public String providerId() {
        return provider.map(Provider::id).orElse("auto");
    }

    /** Shows every setting but the password, which appears as {@code ***} when set. */
    @Override
    public String toString() {
        return "PostgresSettings[provider=" + providerId() + ", url=" + url.map(Secrets::maskUrl).orElse("") + ", username="
                + username.orElse("") + ", password=" + (password.isPresent() ? "***" : "") + ", version="
                + version.orElse("") + ", image=" + image + ", templateCache=" + templateCache + "]";
    }
}

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
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record PostgresSettings(Optional<Provider> provider, Optional<String> url, Optional<String> username,
                               Optional<String> password, Optional<String> version, String image) {

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
                nonBlank.apply(VERSION), nonBlank.apply(IMAGE).orElse(DEFAULT_IMAGE));
    }

    /** The same settings with {@code provider} chosen. */
    public PostgresSettings withProvider(Provider chosen) {
        return new PostgresSettings(Optional.of(chosen), url, username, password, version, image);
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
                + version.orElse("") + ", image=" + image + "]";
    }
}

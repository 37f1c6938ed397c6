package io.github.dbtestkit.internal.config;

import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.schema.baseline.Baseline;
import io.github.dbtestkit.schema.baseline.BaselineEntry;
import io.github.dbtestkit.schema.baseline.BaselineException;
import org.apiguardian.api.API;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a test class accepts of its schema's differences: its {@code @AcceptedDifference} annotations, and the entries
 * of the baseline file it names ({@link DatabaseTest#baseline()}, else the run's {@code dbtestkit.baseline}). Read
 * once, with the class's configuration; a missing or malformed file fails the class with the file named.
 *
 * <pre>{@code
 * Acceptances accepted = Acceptances.of(OwnerTest.class, annotation, settings, loader);
 * SchemaReport report = accepted.all().applyTo(prepared.schemaReport());
 * }</pre>
 *
 * @param annotated the class's {@code @AcceptedDifference}s, inherited ones included
 * @param file      the entries of its baseline file; empty when it names none
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Acceptances(Baseline annotated, Baseline file) {

    /** Accepts nothing. */
    public static final Acceptances NONE = new Acceptances(Baseline.empty(), Baseline.empty());

    private static final String CLASSPATH = "classpath:";
    private static final String FILESYSTEM = "filesystem:";

    /**
     * The class's accepted differences.
     *
     * @throws IllegalArgumentException naming the class, where the baseline was named, and the file, when it is
     *                                  missing or malformed
     * @throws io.github.dbtestkit.DatabaseTestException naming a malformed {@code @AcceptedDifference}
     */
    public static Acceptances of(Class<?> testClass, DatabaseTest annotation, Settings settings, ClassLoader loader) {
        Baseline annotated = Baseline.of(AcceptedRule.allOf(testClass).stream().map(AcceptedRule::entry).toList());
        String named = annotation.baseline().strip();
        Baseline file = !named.isEmpty()
                ? read(named, "@DatabaseTest(baseline = \"" + named + "\") on " + testClass.getName(), loader)
                : settings.baseline()
                        .map(location -> read(location, Settings.BASELINE + "=" + location + " (for "
                                + testClass.getName() + ")", loader))
                        .orElse(Baseline.empty());
        return new Acceptances(annotated, file);
    }

    /** Both: the annotations' entries first. */
    public Baseline all() {
        return annotated.and(file);
    }

    /** Whether {@code entry} is one of the annotations' (not the file's). */
    public boolean isAnnotated(BaselineEntry entry) {
        return annotated.entries().stream().anyMatch(e -> e == entry);
    }

    /** Reads {@code classpath:} (also without prefix) or {@code filesystem:} locations. */
    static Baseline read(String location, String where, ClassLoader loader) {
        String lower = location.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith(FILESYSTEM)) {
                Path file = Path.of(location.substring(FILESYSTEM.length()));
                try {
                    return Baseline.read(Files.newInputStream(file), file.toString());
                } catch (NoSuchFileException e) {
                    throw new IllegalArgumentException(where + ": the baseline file " + file.toAbsolutePath()
                            + " does not exist: create it ({\"version\": 1, \"accepted\": [...]}), or fix the path"
                            + " (relative paths start at the working directory, the module's folder under Maven).", e);
                }
            }
            String resource = lower.startsWith(CLASSPATH) ? location.substring(CLASSPATH.length()) : location;
            resource = resource.startsWith("/") ? resource.substring(1) : resource;
            InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                throw new IllegalArgumentException(where + ": the baseline " + resource + " is not on the test class"
                        + " path: put it under src/test/resources/" + resource + ", or write filesystem:PATH for a file"
                        + " elsewhere.");
            }
            return Baseline.read(in, CLASSPATH + resource);
        } catch (BaselineException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": the baseline cannot be read: " + e.getMessage(), e);
        }
    }
}

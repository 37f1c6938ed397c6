package io.github.dbtestkit.internal.lifecycle;

import io.github.dbtestkit.core.internal.sql.SqlScript;
import io.github.dbtestkit.core.internal.sql.SqlStatement;
import org.apiguardian.api.API;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Sql;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the {@link Sql} scripts of a test: the class's (and its superclasses', outermost first), then the method's.
 *
 * <pre>{@code
 * SqlScripts.run(PostTest.class, testMethod, connection);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class SqlScripts {

    private SqlScripts() {
    }

    /** Whether the test has any {@code @Sql} scripts, so a test without them opens no connection for them. */
    static boolean declared(Class<?> testClass, Optional<? extends AnnotatedElement> method) {
        return testClass.isAnnotationPresent(Sql.class) || method.map(m -> m.isAnnotationPresent(Sql.class)).orElse(false);
    }

    /** The script paths for a test, as written, in the order they run. */
    static List<String> pathsFor(Class<?> testClass, Optional<? extends AnnotatedElement> method) {
        List<String> paths = new ArrayList<>();
        Sql onClass = testClass.getAnnotation(Sql.class);
        if (onClass != null) {
            paths.addAll(List.of(onClass.value()));
        }
        method.map(m -> m.getAnnotation(Sql.class)).ifPresent(sql -> paths.addAll(List.of(sql.value())));
        return paths;
    }

    /** Runs the scripts for {@code testClass} and {@code method} through {@code connection}. */
    public static void run(Class<?> testClass, Optional<? extends AnnotatedElement> method, Connection connection) {
        for (String path : pathsFor(testClass, method)) {
            String resource = resolve(testClass, path);
            String script = read(testClass, path, resource);
            execute(path, resource, script, connection);
        }
    }

    /** Spring's rules: relative to the class's package unless it starts with {@code /} or {@code classpath:}. */
    static String resolve(Class<?> testClass, String path) {
        String trimmed = path.trim();
        if (trimmed.startsWith("classpath:")) {
            trimmed = trimmed.substring("classpath:".length());
            return trimmed.startsWith("/") ? trimmed.substring(1) : trimmed;
        }
        if (trimmed.startsWith("/")) {
            return trimmed.substring(1);
        }
        String pkg = testClass.getPackageName();
        return pkg.isEmpty() ? trimmed : pkg.replace('.', '/') + "/" + trimmed;
    }

    private static String read(Class<?> testClass, String path, String resource) {
        ClassLoader loader = testClass.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new DatabaseTestException("@Sql(\"" + path + "\") on " + testClass.getName()
                        + ": no such script on the classpath (looked for " + resource + ").");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatabaseTestException("@Sql(\"" + path + "\"): cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static void execute(String path, String resource, String script, Connection connection) {
        try (Statement statement = connection.createStatement()) {
            for (SqlStatement each : SqlScript.split(script)) {
                try {
                    statement.execute(each.sql());
                } catch (SQLException e) {
                    throw new DatabaseTestException("@Sql script " + resource + " failed at line " + each.line() + ": "
                            + abbreviate(each.sql()) + " — " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseTestException("@Sql(\"" + path + "\"): " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ");
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}

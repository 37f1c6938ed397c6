package io.github.dbtestkit.schema.internal.entities;

import io.github.dbtestkit.core.EngineKind;
import org.apiguardian.api.API;

import javax.lang.model.SourceVersion;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Java names for SQL names, and SQL names as a mapping must spell them: {@code order_lines} becomes the class
 * {@code OrderLines} and {@code created_at} the field {@code createdAt}; a name the engine would fold differently
 * ({@code "BlogAuthors"} on PostgreSQL, {@code "DisplayName"} on H2) is quoted in {@code @Table}/{@code @Column}.
 *
 * <pre>{@code
 * JavaNames names = new JavaNames(EngineKind.H2);
 * names.className("ORDER_LINES"); // OrderLines
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class JavaNames {

    private static final Pattern LOWER = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern UPPER = Pattern.compile("[A-Z_][A-Z0-9_]*");
    private static final Pattern QUOTED_UPPER = Pattern.compile("\"([A-Z_][A-Z0-9_]*)\"");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final EngineKind engine;

    /** @param engine the engine the names were read from: it decides how unquoted names fold */
    public JavaNames(EngineKind engine) {
        this.engine = engine;
    }

    /** Whether {@code name} is a valid Java package name (dot-separated identifiers, no keywords). */
    public static boolean isPackageName(String name) {
        return name != null && !name.isBlank() && SourceVersion.isName(name);
    }

    /** UpperCamel class name: {@code order_lines} to {@code OrderLines}. */
    public String className(String sqlName) {
        String camel = camel(sqlName);
        String name = Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
        return SourceVersion.isName(name) ? name : name + "_";
    }

    /** lowerCamel field name: {@code created_at} to {@code createdAt}; Java keywords get a trailing underscore. */
    public String fieldName(String sqlName) {
        String camel = camel(sqlName);
        String name = Character.toLowerCase(camel.charAt(0)) + camel.substring(1);
        return SourceVersion.isName(name) ? name : name + "_";
    }

    /**
     * The name as {@code @Table(name)} or {@code @Column(name)} must spell it so that no naming strategy is needed: as
     * the engine folds unquoted names (lower case on PostgreSQL, upper case on H2) it is written plain, in lower case;
     * otherwise in double quotes, exactly.
     */
    public String sqlName(String name) {
        return switch (engine) {
            case POSTGRESQL -> LOWER.matcher(name).matches() ? name : quoted(name);
            case H2 -> UPPER.matcher(name).matches() ? name.toLowerCase(Locale.ROOT) : quoted(name);
            // SQLite compares names ignoring case, quoted or not.
            case SQLITE -> PLAIN.matcher(name).matches() ? name : quoted(name);
        };
    }

    /**
     * An SQL expression as the catalog printed it, with H2's quoted upper-case names ({@code "STOCK" >= 0}) written
     * as the user wrote them ({@code stock >= 0}).
     */
    public String sqlExpression(String expression) {
        if (engine != EngineKind.H2) {
            return expression;
        }
        return QUOTED_UPPER.matcher(expression).replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT));
    }

    private String folded(String name) {
        return engine != EngineKind.SQLITE && UPPER.matcher(name).matches() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private String camel(String sqlName) {
        String[] parts = folded(sqlName).split("[^A-Za-z0-9]+");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            String word = part.equals(part.toUpperCase(Locale.ROOT)) && part.length() > 1
                    ? part.toLowerCase(Locale.ROOT) : part;
            out.append(out.length() == 0 ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        if (out.length() == 0 || !Character.isJavaIdentifierStart(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

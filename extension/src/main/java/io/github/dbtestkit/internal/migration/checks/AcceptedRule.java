package io.github.dbtestkit.internal.migration.checks;

import org.apiguardian.api.API;
import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code @AcceptedDifference} of a test class, parsed: which difference it excuses, and on which engines.
 *
 * <pre>{@code
 * AcceptedRule rule = AcceptedRule.parse("orders.created_at: TYPE_MISMATCH", Set.of(Engine.SQLITE), "ShopTest");
 * }</pre>
 *
 * @param written the text as written
 * @param key     the normalised key, as {@link SchemaDifference#key()} prints it
 * @param engines the engines it applies to; empty for all
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record AcceptedRule(String written, String key, Set<Engine> engines) {

    /** The kinds check 6 reports. */
    public static final List<String> KINDS = List.of("MISSING_TABLE", "UNMAPPED_TABLE", "MISSING_COLUMN",
            "UNMAPPED_COLUMN", "TYPE_MISMATCH", "LENGTH_MISMATCH", "PRECISION_MISMATCH", "NULLABILITY_MISMATCH",
            "PRIMARY_KEY_MISMATCH", "MISSING_FOREIGN_KEY", "EXTRA_FOREIGN_KEY", "MISSING_INDEX", "EXTRA_INDEX",
            "MISSING_UNIQUE_CONSTRAINT", "EXTRA_UNIQUE_CONSTRAINT");

    private static final Pattern FORM = Pattern.compile("\\s*([^\\s.:]+)(?:\\.([^\\s:]+))?\\s*:\\s*([A-Za-z_]+)\\s*");

    public AcceptedRule {
        engines = Set.copyOf(engines);
    }

    /**
     * Parses {@code table.column: KIND} or {@code table: KIND}.
     *
     * @throws DatabaseTestException naming the text, the class and the expected form
     */
    public static AcceptedRule parse(String written, Set<Engine> engines, String testClass) {
        Matcher matcher = FORM.matcher(written);
        if (!matcher.matches() || !KINDS.contains(matcher.group(3).toUpperCase(Locale.ROOT))) {
            throw new DatabaseTestException("@AcceptedDifference(\"" + written + "\") on " + testClass
                    + " is not of the form \"table.column: KIND\" or \"table: KIND\" with KIND one of "
                    + String.join(", ", KINDS) + ": copy it from the check's failure message.");
        }
        String where = matcher.group(1).toLowerCase(Locale.ROOT)
                + (matcher.group(2) == null ? "" : "." + matcher.group(2).toLowerCase(Locale.ROOT));
        return new AcceptedRule(written, where + ": " + matcher.group(3).toUpperCase(Locale.ROOT), engines);
    }

    /** Whether it applies on {@code engine}. */
    boolean appliesTo(Engine engine) {
        return engines.isEmpty() || engines.contains(engine);
    }
}

package io.github.dbtestkit.internal.config;

import io.github.dbtestkit.DatabaseTestException;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.baseline.BaselineEntry;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One {@code @AcceptedDifference} of a test class, parsed into the {@link BaselineEntry} it stands for (engines
 * included), so that it is applied like every other baseline.
 *
 * <pre>{@code
 * AcceptedRule rule = AcceptedRule.parse("orders.created_at: TYPE_MISMATCH", Set.of(Engine.SQLITE), "", "ShopTest");
 * SchemaReport accepted = Baseline.of(List.of(rule.entry())).applyTo(report);
 * }</pre>
 *
 * @param written the text as written
 * @param entry   the baseline entry: kind, table and column, any expected and actual value, the engines
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record AcceptedRule(String written, BaselineEntry entry) {

    /** The kinds a rule can name: every {@link DifferenceKind}. */
    public static final List<String> KINDS = Arrays.stream(DifferenceKind.values()).map(Enum::name).toList();

    private static final Pattern FORM = Pattern.compile("\\s*([^\\s.:]+)(?:\\.([^:]+?))?\\s*:\\s*([A-Za-z_]+)\\s*");

    /**
     * Parses {@code table.column: KIND} or {@code table: KIND}; columns of a multi-column key are separated by
     * commas ({@code order_lines.order_id, product_id: UNMAPPED_UNIQUE_CONSTRAINT}).
     *
     * @param reason why it is accepted; a blank one is replaced by where the rule was written
     * @throws DatabaseTestException naming the text, the class and the expected form
     */
    public static AcceptedRule parse(String written, Set<Engine> engines, String reason, String testClass) {
        Matcher matcher = FORM.matcher(written);
        String kind = matcher.matches() ? matcher.group(3).toUpperCase(Locale.ROOT) : "";
        if (!KINDS.contains(kind)) {
            throw new DatabaseTestException("@AcceptedDifference(\"" + written + "\") on " + testClass
                    + " is not of the form \"table.column: KIND\" or \"table: KIND\" with KIND one of "
                    + String.join(", ", KINDS) + ": copy it from the check's failure message.");
        }
        String column = matcher.group(2) == null ? null
                : String.join(", ", Arrays.stream(matcher.group(2).split(",")).map(String::strip).toList());
        String origin = "@AcceptedDifference(\"" + written + "\") on " + testClass;
        return new AcceptedRule(written, new BaselineEntry(DifferenceKind.valueOf(kind), matcher.group(1), column,
                null, null, reason.isBlank() ? origin : reason, origin,
                engines.stream().map(Engine::id).collect(Collectors.toSet())));
    }

    /**
     * Every {@code @AcceptedDifference} of a test class (inherited ones included), parsed.
     *
     * @throws DatabaseTestException naming the first malformed one
     */
    public static List<AcceptedRule> allOf(Class<?> testClass) {
        return AnnotationSupport.findRepeatableAnnotations(testClass, io.github.dbtestkit.AcceptedDifference.class)
                .stream()
                .map(a -> parse(a.value(), Set.of(a.engines()), a.reason(), testClass.getName()))
                .toList();
    }

    /** How a finding is named in {@code @AcceptedDifference}: {@code table.column: KIND}, lower-case names. */
    public static String keyOf(Difference difference) {
        String table = difference.table().toLowerCase(Locale.ROOT);
        return (difference.column() == null ? table : table + "." + difference.column().toLowerCase(Locale.ROOT))
                + ": " + difference.kind();
    }
}

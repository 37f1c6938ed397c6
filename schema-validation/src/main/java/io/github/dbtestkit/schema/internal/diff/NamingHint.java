package io.github.dbtestkit.schema.internal.diff;

import io.github.dbtestkit.schema.Difference;
import io.github.dbtestkit.schema.DifferenceKind;
import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Says once what a report's findings mean when missing columns or tables pair with unmapped ones that differ only in
 * spelling ({@code firstName} against {@code first_name} or {@code FIRST_NAME}): the mapping is read with another
 * naming strategy than the application's, and the fix is one setting, not a dozen migrations.
 *
 * <pre>{@code
 * NamingHint.of(report.differences()).ifPresent(System.out::println);
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class NamingHint {

    /** The property line a Spring Boot-style (snake_case) schema needs. */
    public static final String SNAKE_CASE_LINE =
            "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl";

    /** The one line that gives a Spring Boot application's whole naming: snake_case and Boot's join table names. */
    public static final String SPRING_BOOT_LINE = "dbtestkit.naming=spring-boot";

    private static final int EXAMPLES = 3;

    private NamingHint() {
    }

    /** The hint, when at least one missing column or table pairs with an unmapped one by spelling alone. */
    public static Optional<String> of(List<Difference> differences) {
        List<String> pairs = new ArrayList<>();
        int snakeInDatabase = 0;
        for (Difference missing : differences) {
            for (Difference unmapped : differences) {
                if (pairs(missing, unmapped)) {
                    String want = name(missing);
                    String have = name(unmapped);
                    pairs.add(label(missing) + " against " + have);
                    if (have.contains("_") && !want.contains("_")) {
                        snakeInDatabase++;
                    }
                }
            }
        }
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        String examples = String.join(", ", pairs.subList(0, Math.min(EXAMPLES, pairs.size())))
                + (pairs.size() > EXAMPLES ? ", ..." : "");
        String subject = pairs.size() == 1 ? "1 missing name matches an unmapped one"
                : pairs.size() + " missing names match unmapped ones";
        if (snakeInDatabase * 2 >= pairs.size()) {
            return Optional.of("Naming: " + subject + " but for spelling (" + examples + "): the database uses"
                    + " snake_case names and the mapping is read without the application's naming strategy. Set it"
                    + " with the line " + SNAKE_CASE_LINE + " (in @DatabaseTest(hibernateProperties), as"
                    + " dbtestkit.hibernate." + SNAKE_CASE_LINE + ", in SchemaValidator.withHibernateProperties(...)"
                    + " or with the CLI's --hibernate-property). Spring Boot: the one line " + SPRING_BOOT_LINE
                    + " sets Boot's naming, join tables included.");
        }
        return Optional.of("Naming: " + subject + " but for spelling (" + examples + "): the mapping is read with"
                + " another naming strategy than the one that named the database. Set the application's"
                + " hibernate.physical_naming_strategy (and hibernate.implicit_naming_strategy, if it sets one) in"
                + " @DatabaseTest(hibernateProperties), dbtestkit.hibernate.<key>, SchemaValidator"
                + ".withHibernateProperties(...) or the CLI's --hibernate-property.");
    }

    private static boolean pairs(Difference missing, Difference unmapped) {
        boolean columns = missing.kind() == DifferenceKind.MISSING_COLUMN
                && unmapped.kind() == DifferenceKind.UNMAPPED_COLUMN
                && folded(missing.table()).equals(folded(unmapped.table()));
        boolean tables = missing.kind() == DifferenceKind.MISSING_TABLE
                && unmapped.kind() == DifferenceKind.UNMAPPED_TABLE;
        // Names that differ in case alone come from quoting, not from a naming strategy (no strategy changes only
        // case): the MISSING finding says so itself.
        return (columns || tables) && folded(name(missing)).equals(folded(name(unmapped)))
                && !name(missing).equalsIgnoreCase(name(unmapped));
    }

    private static String name(Difference difference) {
        return difference.column() == null ? difference.table() : difference.column();
    }

    private static String label(Difference difference) {
        return difference.column() == null ? difference.table() : difference.table() + "." + difference.column();
    }

    /** A name without case and underscores: {@code first_name}, {@code FIRST_NAME} and {@code firstName} fold alike. */
    private static String folded(String name) {
        String bare = name.replace("\"", "").replace("`", "");
        int dot = bare.lastIndexOf('.');
        return bare.substring(dot + 1).replace("_", "").toLowerCase(Locale.ROOT);
    }
}

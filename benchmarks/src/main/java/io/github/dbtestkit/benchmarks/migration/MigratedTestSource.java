package io.github.dbtestkit.benchmarks.migration;

/**
 * The source of a {@code @DatabaseTest(schema = MIGRATIONS)} class whose migrations (a Flyway folder or a Liquibase
 * changelog) are known only at run time (in a temporary folder), compiled by {@link io.github.dbtestkit.benchmarks.harness.GeneratedClasses}. Its one test
 * marks its start ({@link io.github.dbtestkit.benchmarks.harness.FirstBody}), then checks that
 * the last migration's table exists.
 *
 * <pre>{@code
 * String source = MigratedTestSource.of("bench.gen.Reuse1", folder, "bench_t19");
 * }</pre>
 */
final class MigratedTestSource {

    private MigratedTestSource() {
    }

    static String of(String className, java.nio.file.Path location, String lastTable) {
        int dot = className.lastIndexOf('.');
        String text = ("filesystem:" + location.toAbsolutePath()).replace("\\", "\\\\").replace("\"", "\\\"");
        return "package " + className.substring(0, dot) + ";\n"
                + "\n"
                + "import io.github.dbtestkit.DatabaseTest;\n"
                + "import io.github.dbtestkit.Engine;\n"
                + "import io.github.dbtestkit.SchemaMode;\n"
                + "import io.github.dbtestkit.benchmarks.harness.FirstBody;\n"
                + "import org.junit.jupiter.api.Test;\n"
                + "\n"
                + "import java.sql.Connection;\n"
                + "import java.sql.ResultSet;\n"
                + "import java.sql.SQLException;\n"
                + "import java.sql.Statement;\n"
                + "\n"
                + "@DatabaseTest(engines = {Engine.H2, Engine.SQLITE, Engine.POSTGRESQL}, schema = SchemaMode.MIGRATIONS,\n"
                + "        migrations = \"" + text + "\")\n"
                + "public class " + className.substring(dot + 1) + " {\n"
                + "\n"
                + "    @Test\n"
                + "    void firstTest(Connection connection) throws SQLException {\n"
                + "        FirstBody.reached();\n"
                + "        try (Statement statement = connection.createStatement();\n"
                + "             ResultSet rows = statement.executeQuery(\"SELECT COUNT(*) FROM " + lastTable + "\")) {\n"
                + "            rows.next();\n"
                + "        }\n"
                + "    }\n"
                + "}\n";
    }
}

package io.github.dbtestkit.schema.internal.build;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.sql.SqlScript;
import io.github.dbtestkit.core.internal.sql.SqlStatement;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs plain DDL files statement by statement, with core's splitter (the one {@code @Sql} scripts go through). */
final class SqlFileRunner {

    private SqlFileRunner() {
    }

    /**
     * @throws ProvisioningException naming the file, and for a failing statement its line, text and the database's
     *                               message
     */
    static void run(List<Path> files, String setting, EngineKind engine, DataSource dataSource) {
        if (files.isEmpty()) {
            throw new ProvisioningException("No schema files in " + setting + ": name at least one .sql file.");
        }
        for (Path file : files) {
            run(file, read(file, setting), engine, dataSource);
        }
    }

    private static String read(Path file, String setting) {
        if (!Files.isRegularFile(file)) {
            throw new ProvisioningException("The schema file " + file + " (from " + setting + ") does not exist "
                    + "(looked for " + file.toAbsolutePath() + "): check the path.");
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ProvisioningException("Cannot read the schema file " + file + " (from " + setting + "): "
                    + e.getMessage() + ".", e);
        }
    }

    private static void run(Path file, String script, EngineKind engine, DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (SqlStatement each : SqlScript.split(script)) {
                try {
                    statement.execute(each.sql());
                } catch (SQLException e) {
                    throw new ProvisioningException("Schema file " + file + " failed on " + engine.displayName()
                            + " at line " + each.line() + ": " + abbreviate(each.sql()) + " — " + e.getMessage(), e);
                }
            }
        } catch (SQLException e) {
            throw new ProvisioningException("Cannot run the schema file " + file + " on " + engine.displayName() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}

package io.github.dbtestkit.schema.internal.ddl;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.internal.expected.ExpectedSchemaReader;
import org.apiguardian.api.API;
import org.hibernate.Version;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.dialect.Dialect;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.jdbc.internal.FormatStyle;
import org.hibernate.engine.jdbc.spi.JdbcServices;
import org.hibernate.tool.schema.SourceType;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExceptionHandler;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.ScriptSourceInput;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * create_all's DDL for one engine as a script for review: Hibernate's schema creator writes it to a script target with
 * the engine's dialect and no database at all ({@code hibernate.boot.allow_jdbc_metadata_access=false}, the dialect at
 * its lowest supported version); the statements are then put in a stable order (sequences, tables, indexes, then
 * constraints added by {@code alter table}, each sorted by name) and formatted with Hibernate's DDL formatter, so the
 * same entities always give the same bytes.
 *
 * <pre>{@code
 * String sql = DdlScript.generate(EngineKind.POSTGRESQL, List.of(Post.class), HibernateProperties.NONE, List.of());
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class DdlScript {

    private static final List<Pattern> GROUPS = List.of(
            Pattern.compile("^create\\s+schema\\s+(\\S+)"),
            Pattern.compile("^create\\s+sequence\\s+(?:if\\s+not\\s+exists\\s+)?(\\S+)"),
            Pattern.compile("^create\\s+(?:global\\s+temporary\\s+|local\\s+temporary\\s+)?table\\s+"
                    + "(?:if\\s+not\\s+exists\\s+)?(\\S+)"),
            Pattern.compile("^create\\s+(?:unique\\s+)?index\\s+(?:if\\s+not\\s+exists\\s+)?(\\S+)"),
            Pattern.compile("^alter\\s+table\\s+(?:if\\s+exists\\s+)?\\S+\\s+add\\s+constraint\\s+(\\S+)"));

    private DdlScript() {
    }

    /**
     * The script: a header naming the engine, the dialect and its version, Hibernate's version and the entities, then
     * one formatted statement per paragraph, each ended by {@code ;}.
     *
     * @throws org.hibernate.HibernateException when Hibernate cannot map the entities
     */
    public static String generate(EngineKind engine, List<Class<?>> entities, HibernateProperties properties,
                                  List<ClassLoader> classLoaders) {
        StandardServiceRegistry registry = ExpectedSchemaReader.registry(engine, 0, 0, properties.values(),
                classLoaders);
        try {
            Metadata metadata = ExpectedSchemaReader.metadata(registry, entities);
            Dialect dialect = registry.requireService(JdbcServices.class).getDialect();
            if (engine != EngineKind.SQLITE) {
                // SQLite's dialect writes no table-level unique keys at all: there the column keeps its inline unique
                nameSingleColumnUniques(metadata);
            }
            List<String> statements = create(metadata, registry);
            StringBuilder script = new StringBuilder(header(engine, dialect, entities));
            for (String statement : ordered(statements)) {
                script.append('\n').append(formatted(statement)).append(";\n");
            }
            return script.toString();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }
    }

    /**
     * Hibernate's DDL formatting, without the trailing blanks it leaves at line ends (noise in a diff) and with its
     * four-space margin removed, so that a statement starts at column one and its body is indented once.
     */
    static String formatted(String statement) {
        List<String> lines = FormatStyle.DDL.getFormatter().format(statement).strip().lines()
                .map(String::stripTrailing).toList();
        StringBuilder out = new StringBuilder(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            out.append('\n').append(line.startsWith("    ") ? line.substring(4) : line);
        }
        return out.toString();
    }

    private static String header(EngineKind engine, Dialect dialect, List<Class<?>> entities) {
        List<String> names = entities.stream().map(Class::getName).sorted().toList();
        return "-- create_all DDL for " + engine.displayName() + ", written by dbtestkit export-ddl\n"
                + "-- Dialect: " + dialect.getClass().getName() + " (database version " + dialect.getVersion() + ")\n"
                + "-- Hibernate ORM: " + Version.getVersionString() + "\n"
                + "-- Entities: " + String.join(", ", names) + "\n";
    }

    /**
     * A {@code @Column(unique = true)} is a column flag in Hibernate's model, which some dialects (PostgreSQL) write
     * inline and unnamed ({@code email varchar(200) not null unique}). For a DBA's review every constraint has a name:
     * the flag becomes a unique key named {@code uk_<table>_<column>}, the name fix-up migrations give it too. Only
     * this export's own copy of the metadata is changed.
     */
    static void nameSingleColumnUniques(Metadata metadata) {
        for (org.hibernate.mapping.Table table : metadata.collectTableMappings()) {
            for (org.hibernate.mapping.Column column : List.copyOf(table.getColumns())) {
                boolean primaryKey = table.getPrimaryKey() != null && table.getPrimaryKey().containsColumn(column);
                if (!column.isUnique() || primaryKey) {
                    continue;
                }
                column.setUnique(false);
                org.hibernate.mapping.UniqueKey key = new org.hibernate.mapping.UniqueKey(table);
                key.setName(("uk_" + table.getName() + "_" + column.getName()).replace("`", "").replace("\"", ""));
                key.setNameExplicit(true);
                key.addColumn(column);
                table.addUniqueKey(key);
            }
        }
    }

    private static List<String> create(Metadata metadata, StandardServiceRegistry registry) {
        Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
        settings.put(SchemaToolingSettings.HBM2DDL_CREATE_NAMESPACES, true);
        settings.put(SchemaToolingSettings.HBM2DDL_DELIMITER, "");
        List<String> statements = new ArrayList<>();
        registry.requireService(SchemaManagementTool.class).getSchemaCreator(settings).doCreation(metadata,
                options(settings), ContributableMatcher.ALL, source(), target(statements));
        return statements;
    }

    /** Statements grouped by kind, each group sorted by the object's name; anything else last, as Hibernate wrote it. */
    static List<String> ordered(List<String> statements) {
        List<Keyed> keyed = new ArrayList<>();
        for (String statement : statements) {
            String sql = statement.strip();
            while (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1).strip();
            }
            if (!sql.isEmpty()) {
                keyed.add(key(sql));
            }
        }
        keyed.sort(Comparator.comparingInt(Keyed::group).thenComparing(Keyed::name).thenComparing(Keyed::sql));
        return keyed.stream().map(Keyed::sql).toList();
    }

    private static Keyed key(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        for (int group = 0; group < GROUPS.size(); group++) {
            Matcher matcher = GROUPS.get(group).matcher(lower);
            if (matcher.find()) {
                return new Keyed(group, matcher.group(1), sql);
            }
        }
        // Keep Hibernate's order for the rest (comments on tables, for example): one group, equal names.
        return new Keyed(GROUPS.size(), "", sql);
    }

    private record Keyed(int group, String name, String sql) {
    }

    private static ExecutionOptions options(Map<String, Object> settings) {
        return new ExecutionOptions() {
            @Override
            public Map<String, Object> getConfigurationValues() {
                return settings;
            }

            @Override
            public boolean shouldManageNamespaces() {
                return true;
            }

            @Override
            public ExceptionHandler getExceptionHandler() {
                return ExceptionHandlerHaltImpl.INSTANCE;
            }
        };
    }

    private static SourceDescriptor source() {
        return new SourceDescriptor() {
            @Override
            public SourceType getSourceType() {
                return SourceType.METADATA;
            }

            @Override
            public ScriptSourceInput getScriptSourceInput() {
                return null;
            }
        };
    }

    private static TargetDescriptor target(List<String> statements) {
        ScriptTargetOutput output = new ScriptTargetOutput() {
            @Override
            public void prepare() {
            }

            @Override
            public void accept(String command) {
                statements.add(command);
            }

            @Override
            public void release() {
            }
        };
        return new TargetDescriptor() {
            @Override
            public EnumSet<TargetType> getTargetTypes() {
                return EnumSet.of(TargetType.SCRIPT);
            }

            @Override
            public ScriptTargetOutput getScriptTargetOutput() {
                return output;
            }
        };
    }
}

package io.github.dbtestkit.benchmarks.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sources of generated entity classes {@code bench.gen.entities.Entity1} onwards, one table each, shaped like a
 * project's entities: a generated key, a not-null name with a length, a unique code, a decimal with precision and
 * scale, a timestamp, a boolean, a nullable integer, an index, and (from the second on) a many-to-one to the previous
 * entity, so the first {@code n} always form a closed set.
 *
 * <pre>{@code
 * Map<String, String> sources = EntitySources.of(300);
 * Class<?> first = generated.load(EntitySources.className(1));
 * }</pre>
 */
final class EntitySources {

    private static final String PACKAGE = "bench.gen.entities";

    private EntitySources() {
    }

    /** Class name to source, for entities 1 to {@code count}. */
    static Map<String, String> of(int count) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            sources.put(className(i), source(i));
        }
        return sources;
    }

    static String className(int index) {
        return PACKAGE + ".Entity" + index;
    }

    private static String source(int i) {
        String parent = i == 1 ? "" : "\n    @ManyToOne(fetch = FetchType.LAZY)\n"
                + "    @JoinColumn(name = \"parent_id\")\n"
                + "    private Entity" + (i - 1) + " parent;\n";
        return "package " + PACKAGE + ";\n"
                + "\n"
                + "import jakarta.persistence.*;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.time.LocalDateTime;\n"
                + "\n"
                + "@Entity\n"
                + "@Table(name = \"bench_entity_" + i + "\", indexes = @Index(name = \"ix_bench_entity_" + i + "_name\", columnList = \"name\"))\n"
                + "public class Entity" + i + " {\n"
                + "\n"
                + "    @Id\n"
                + "    @GeneratedValue(strategy = GenerationType.IDENTITY)\n"
                + "    private Long id;\n"
                + "\n"
                + "    @Column(nullable = false, length = 80)\n"
                + "    private String name;\n"
                + "\n"
                + "    @Column(unique = true, length = 40)\n"
                + "    private String code;\n"
                + "\n"
                + "    @Column(precision = 12, scale = 2)\n"
                + "    private BigDecimal amount;\n"
                + "\n"
                + "    private LocalDateTime createdAt;\n"
                + "\n"
                + "    private boolean active;\n"
                + "\n"
                + "    private Integer quantity;\n"
                + parent
                + "}\n";
    }
}

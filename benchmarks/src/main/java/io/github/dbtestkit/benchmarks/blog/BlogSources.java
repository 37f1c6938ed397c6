package io.github.dbtestkit.benchmarks.blog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes the blog workload's test classes: {@code classes} classes of {@code tests} tests each, once as
 * {@code @DatabaseTest} classes ({@link #DBTESTKIT}) and once as Hibernate-by-hand classes ({@link #BY_HAND}), every
 * test calling {@link BlogWork#persistAndCheck}. The benchmark compiles them; the child JVM runs one set.
 *
 * <pre>{@code
 * Map<String, String> sources = BlogSources.sources(20, 25);
 * List<String> dbtestkit = BlogSources.classNames(BlogSources.DBTESTKIT, 20);
 * }</pre>
 */
public final class BlogSources {

    /** The package of the generated classes. */
    public static final String PACKAGE = "bench.gen.blog";
    /** The variant of {@code @DatabaseTest} classes. */
    public static final String DBTESTKIT = "dbtestkit";
    /** The variant of classes extending {@link HibernateByHandBlogTest}. */
    public static final String BY_HAND = "by-hand";

    private BlogSources() {
    }

    /** Fully qualified names of one variant's classes, in the order they run. */
    public static List<String> classNames(String variant, int classes) {
        String prefix = variant.equals(DBTESTKIT) ? "BlogDbtestkit" : "BlogByHand";
        return IntStream.rangeClosed(1, classes)
                .mapToObj(i -> PACKAGE + "." + prefix + String.format(Locale.ROOT, "%02d", i)).toList();
    }

    /** Both variants' sources, class name to source text. */
    public static Map<String, String> sources(int classes, int tests) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String variant : List.of(DBTESTKIT, BY_HAND)) {
            for (String name : classNames(variant, classes)) {
                sources.put(name, source(variant, name.substring(PACKAGE.length() + 1), tests));
            }
        }
        return sources;
    }

    static String source(String variant, String simpleName, int tests) {
        boolean dbtestkit = variant.equals(DBTESTKIT);
        StringBuilder java = new StringBuilder("package " + PACKAGE + ";\n\n")
                .append("import io.github.dbtestkit.benchmarks.blog.*;\n")
                .append("import jakarta.persistence.EntityManager;\n")
                .append("import org.junit.jupiter.api.Test;\n\n");
        if (dbtestkit) {
            java.append("@io.github.dbtestkit.DatabaseTest(engines = {io.github.dbtestkit.Engine.H2,"
                    + " io.github.dbtestkit.Engine.SQLITE, io.github.dbtestkit.Engine.POSTGRESQL},"
                    + " entities = {Post.class, Comment.class}, schema = io.github.dbtestkit.SchemaMode.CREATE_ALL)\n")
                    .append("public class ").append(simpleName).append(" {\n");
        } else {
            java.append("public class ").append(simpleName).append(" extends HibernateByHandBlogTest {\n");
        }
        for (int t = 1; t <= tests; t++) {
            String method = String.format(Locale.ROOT, "t%02d", t);
            java.append(dbtestkit
                    ? "    @Test void " + method + "(EntityManager em) { BlogWork.persistAndCheck(em); }\n"
                    : "    @Test void " + method + "() { BlogWork.persistAndCheck(entityManager); }\n");
        }
        return java.append("}\n").toString();
    }
}

package io.github.dbtestkit.benchmarks.blog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Writes the blog workload's test classes: {@code classes} classes of {@code tests} tests each, once as
 * {@code @DatabaseTest} classes ({@link #DBTESTKIT}) and once as Hibernate-by-hand classes ({@link #BY_HAND}), every
 * test calling {@link BlogWork#persistAndCheck}; and, apart because they compile only against Spring Boot's class
 * path, as Spring Boot {@code @DataJpaTest} classes ({@link #DATA_JPA_TEST}) with the application class they find.
 * The benchmark compiles them; the child JVM runs one set.
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
    /** The variant of Spring Boot {@code @DataJpaTest} classes. */
    public static final String DATA_JPA_TEST = "data-jpa-test";
    /** The Spring Boot application class the {@code @DataJpaTest} classes find in their package, as in a user's project. */
    public static final String SPRING_APPLICATION = PACKAGE + ".BlogSpringApplication";

    private BlogSources() {
    }

    /** Fully qualified names of one variant's classes, in the order they run. */
    public static List<String> classNames(String variant, int classes) {
        String prefix = switch (variant) {
            case DBTESTKIT -> "BlogDbtestkit";
            case BY_HAND -> "BlogByHand";
            case DATA_JPA_TEST -> "BlogDataJpa";
            default -> throw new IllegalArgumentException("Unknown blog variant '" + variant + "': expected "
                    + DBTESTKIT + ", " + BY_HAND + " or " + DATA_JPA_TEST + ".");
        };
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

    /**
     * The {@code @DataJpaTest} classes and their application class, class name to source text: the same tests as the
     * other variants, written as a Spring Boot user writes them (the slice annotation, the {@code EntityManager}
     * autowired into a field, Spring's test transaction rolled back after each test).
     */
    public static Map<String, String> springSources(int classes, int tests) {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(SPRING_APPLICATION, "package " + PACKAGE + ";\n\n"
                + "@org.springframework.boot.autoconfigure.SpringBootApplication\n"
                + "@org.springframework.boot.persistence.autoconfigure.EntityScan(basePackageClasses ="
                + " io.github.dbtestkit.benchmarks.blog.Post.class)\n"
                + "public class BlogSpringApplication {\n}\n");
        for (String name : classNames(DATA_JPA_TEST, classes)) {
            sources.put(name, source(DATA_JPA_TEST, name.substring(PACKAGE.length() + 1), tests));
        }
        return sources;
    }

    static String source(String variant, String simpleName, int tests) {
        if (variant.equals(DATA_JPA_TEST)) {
            return springSource(simpleName, tests);
        }
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

    private static String springSource(String simpleName, int tests) {
        StringBuilder java = new StringBuilder("package " + PACKAGE + ";\n\n")
                .append("import io.github.dbtestkit.benchmarks.blog.*;\n")
                .append("import jakarta.persistence.EntityManager;\n")
                .append("import org.junit.jupiter.api.Test;\n")
                .append("import org.springframework.beans.factory.annotation.Autowired;\n")
                .append("import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;\n\n")
                .append("@DataJpaTest\n")
                .append("public class ").append(simpleName).append(" {\n")
                .append("    @Autowired EntityManager em;\n");
        for (int t = 1; t <= tests; t++) {
            java.append("    @Test void ").append(String.format(Locale.ROOT, "t%02d", t))
                    .append("() { BlogWork.persistAndCheck(em); }\n");
        }
        return java.append("}\n").toString();
    }
}

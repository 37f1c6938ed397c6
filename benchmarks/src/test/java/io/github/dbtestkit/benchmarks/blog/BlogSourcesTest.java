package io.github.dbtestkit.benchmarks.blog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlogSourcesTest {

    @Test
    void writesBothVariantsWithOneMethodPerTest() {
        Map<String, String> sources = BlogSources.sources(20, 25);

        assertThat(sources).hasSize(40);
        String dbtestkit = sources.get("bench.gen.blog.BlogDbtestkit07");
        assertThat(dbtestkit).contains("@io.github.dbtestkit.DatabaseTest(", "SchemaMode.CREATE_ALL", "void t25(EntityManager em)")
                .doesNotContain("t26");
        assertThat(sources.get("bench.gen.blog.BlogByHand20")).contains("extends HibernateByHandBlogTest", "void t01()");
    }

    @Test
    void writesTheDataJpaTestVariantWithTheApplicationClassItFinds() {
        Map<String, String> sources = BlogSources.springSources(20, 25);

        assertThat(sources).hasSize(21).containsKey(BlogSources.SPRING_APPLICATION);
        assertThat(sources.get(BlogSources.SPRING_APPLICATION))
                .contains("@org.springframework.boot.autoconfigure.SpringBootApplication", "EntityScan(basePackageClasses =");
        assertThat(sources.get("bench.gen.blog.BlogDataJpa20"))
                .contains("@DataJpaTest\n", "@Autowired EntityManager em;", "void t25() { BlogWork.persistAndCheck(em); }")
                .doesNotContain("t26", "dbtestkit.DatabaseTest");
    }

    @Test
    void anUnknownVariantIsNamedWithTheValidOnes() {
        assertThatThrownBy(() -> BlogSources.classNames("spring", 1))
                .hasMessage("Unknown blog variant 'spring': expected dbtestkit, by-hand or data-jpa-test.");
    }

    @Test
    void theVersionOfALibraryIsReadFromItsJarOnTheClassPath() {
        String classPath = String.join(java.io.File.pathSeparator, "/m2/spring-boot-starter-4.1.2.jar",
                "/m2/spring-boot-4.1.2.jar", "/m2/junit-jupiter-api-6.0.3.jar");

        assertThat(BlogWorkloadBenchmark.jarVersion(classPath, "spring-boot")).isEqualTo("4.1.2");
        assertThat(BlogWorkloadBenchmark.jarVersion(classPath, "junit-jupiter-api")).isEqualTo("6.0.3");
        assertThat(BlogWorkloadBenchmark.jarVersion(classPath, "h2")).isEqualTo("(version unknown)");
    }

    @Test
    void parallelExecutionRunsClassesConcurrentlyOnAFixedNumberOfWorkers() {
        assertThat(BlogChild.parallelism(2))
                .containsEntry("junit.jupiter.execution.parallel.enabled", "true")
                .containsEntry("junit.jupiter.execution.parallel.mode.default", "same_thread")
                .containsEntry("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .containsEntry("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .containsEntry("junit.jupiter.execution.parallel.config.fixed.parallelism", "2");
    }

    @Test
    void theChildsResultLineReadsBack() {
        BlogChild.Result result = new BlogChild.Result(500, 1234.5, 9876.25, 812.125, 15321.5);

        assertThat(BlogChild.Result.parse(result.line())).contains(result);
        assertThat(BlogChild.Result.parse("something else")).isEmpty();
    }
}

package io.github.dbtestkit.benchmarks.blog;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
    void theChildsResultLineReadsBack() {
        BlogChild.Result result = new BlogChild.Result(500, 1234.5, 9876.25, 812.125);

        assertThat(BlogChild.Result.parse(result.line())).contains(result);
        assertThat(BlogChild.Result.parse("something else")).isEmpty();
    }
}

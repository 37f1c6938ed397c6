package io.github.dbtestkit.benchmarks.harness;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeneratedClassesTest {

    @Test
    void compilesSourcesAgainstTheClassPathAndDeletesThemOnClose() throws Exception {
        Path folder;
        try (GeneratedClasses generated = GeneratedClasses.compile(Map.of("bench.gen.Hello",
                "package bench.gen; public class Hello implements java.util.function.Supplier<String> {"
                        + " public String get() { return io.github.dbtestkit.Engine.H2.id(); } }"))) {
            Class<?> hello = generated.load("bench.gen.Hello");

            @SuppressWarnings("unchecked")
            java.util.function.Supplier<String> supplier = (java.util.function.Supplier<String>) hello.getConstructor().newInstance();
            assertThat(supplier.get()).isEqualTo("h2");
            assertThat(hello.getClassLoader()).isSameAs(generated.loader());
            URL location = hello.getProtectionDomain().getCodeSource().getLocation();
            folder = Path.of(location.toURI()).getParent();
            assertThat(folder).exists();
        }
        assertThat(Files.exists(folder)).isFalse();
    }

    @Test
    void aCompilationErrorNamesTheFileAndLine() {
        assertThatThrownBy(() -> GeneratedClasses.compile(Map.of("bench.gen.Broken", "package bench.gen;\nclass Broken { int x = ; }")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Generated classes did not compile: ")
                .hasMessageContaining("Broken.java:2: ");
    }
}

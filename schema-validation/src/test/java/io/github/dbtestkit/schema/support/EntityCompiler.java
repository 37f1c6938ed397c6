package io.github.dbtestkit.schema.support;

import jakarta.persistence.Entity;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compiles generated Java sources in-process with {@code javax.tools} into a folder and loads them in a class loader
 * of their own, as a user's build would: for round-trip tests of generated entities.
 *
 * <pre>{@code
 * List<Class<?>> classes = EntityCompiler.compile(sources, tempDir).load(entityNames);
 * }</pre>
 */
public final class EntityCompiler {

    private final URLClassLoader loader;

    private EntityCompiler(URLClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Compiles the sources (fully qualified name to source) under {@code folder}.
     *
     * @throws AssertionError with the compiler's diagnostics when a source does not compile
     */
    public static EntityCompiler compile(Map<String, String> sources, Path folder) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        Path src = folder.resolve("src");
        Path classes = folder.resolve("classes");
        try {
            Files.createDirectories(classes);
            List<File> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                files.add(file.toFile());
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null,
                    StandardCharsets.UTF_8)) {
                List<String> options = List.of("--release", "17", "-classpath", classPath(), "-d", classes.toString(),
                        "-Xlint:all", "-Werror");
                boolean ok = compiler.getTask(null, manager, diagnostics, options, null,
                        manager.getJavaFileObjectsFromFiles(files)).call();
                if (!ok) {
                    throw new AssertionError("Generated sources do not compile:\n" + diagnostics.getDiagnostics().stream()
                            .map(Object::toString).collect(Collectors.joining("\n")) + "\n" + String.join("\n",
                            sources.values()));
                }
            }
            return new EntityCompiler(new URLClassLoader(new URL[] {classes.toUri().toURL()},
                    EntityCompiler.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the compiled classes of these names. */
    public List<Class<?>> load(List<String> names) {
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            try {
                out.add(Class.forName(name, true, loader));
            } catch (ClassNotFoundException e) {
                throw new AssertionError("Compiled class " + name + " is missing", e);
            }
        }
        return out;
    }

    /** The jars generated entities compile against: Jakarta Persistence and Hibernate's annotations. */
    private static String classPath() {
        return List.of(Entity.class, org.hibernate.Length.class).stream().map(EntityCompiler::location)
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

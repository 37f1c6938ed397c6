package io.github.dbtestkit.benchmarks.harness;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Java classes written by a benchmark at run time (test classes whose annotations name a temporary folder, hundreds
 * of entity classes), compiled with the JDK's own compiler against this JVM's class path into a temporary folder,
 * and loaded by a class loader of their own. Closing it closes the loader and deletes the folder.
 *
 * <pre>{@code
 * try (GeneratedClasses generated = GeneratedClasses.compile(Map.of("bench.gen.A", source))) {
 *     Class<?> a = generated.load("bench.gen.A"); }
 * }</pre>
 */
public final class GeneratedClasses implements AutoCloseable {

    private final Path root;
    private final URLClassLoader loader;

    private GeneratedClasses(Path root, URLClassLoader loader) {
        this.root = root;
        this.loader = loader;
    }

    /** The JDK's compiler, empty on a JRE without {@code jdk.compiler}. */
    public static Optional<JavaCompiler> compiler() {
        return Optional.ofNullable(ToolProvider.getSystemJavaCompiler());
    }

    /**
     * Compiles these sources (fully qualified class name to source text) in one compiler run.
     *
     * @throws IllegalStateException when the JDK has no compiler, or naming the first compilation error
     */
    public static GeneratedClasses compile(Map<String, String> sources) throws IOException {
        return compile(sources, System.getProperty("java.class.path"));
    }

    /**
     * Compiles these sources against {@code classPath} instead of this JVM's, for classes that run in a child JVM on
     * another class path (the Spring Boot baseline's). The loader of {@link #load} can load them only where their
     * dependencies are on this JVM's class path too.
     *
     * @throws IllegalStateException when the JDK has no compiler, or naming the first compilation error
     */
    public static GeneratedClasses compile(Map<String, String> sources, String classPath) throws IOException {
        JavaCompiler compiler = compiler().orElseThrow(() -> new IllegalStateException("This Java runtime has no"
                + " compiler (javax.tools.ToolProvider.getSystemJavaCompiler() is null): run the benchmarks on a JDK."));
        Path root = Folders.createTemp("dbtestkit-bench-classes");
        try {
            Path sourceDir = Files.createDirectories(root.resolve("src"));
            Path classDir = Files.createDirectories(root.resolve("classes"));
            List<Path> files = new ArrayList<>();
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
                files.add(file);
            }
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
                List<String> options = List.of("-d", classDir.toString(), "-classpath", classPath,
                        "--release", "17", "-proc:none", "-nowarn");
                boolean ok = compiler.getTask(null, fileManager, diagnostics, options, null,
                        fileManager.getJavaFileObjectsFromPaths(files)).call();
                if (!ok) {
                    String first = diagnostics.getDiagnostics().stream()
                            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                            .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                            .findFirst().orElse("no diagnostic");
                    throw new IllegalStateException("Generated classes did not compile: " + first);
                }
            }
            URLClassLoader loader = new URLClassLoader("dbtestkit-bench-generated", new URL[] {classDir.toUri().toURL()},
                    GeneratedClasses.class.getClassLoader());
            return new GeneratedClasses(root, loader);
        } catch (IOException | RuntimeException e) {
            Folders.delete(root);
            throw e;
        }
    }

    /** A compiled class, by its fully qualified name. */
    public Class<?> load(String className) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " was not among the generated classes.", e);
        }
    }

    /** The folder of the compiled classes, for the class path of a child JVM that runs them. */
    public Path classDirectory() {
        return root.resolve("classes");
    }

    /** The loader that holds the generated classes (its parent is the harness's loader). */
    public ClassLoader loader() {
        return loader;
    }

    /** Closes the class loader and deletes the compiled classes and their sources. */
    @Override
    public void close() throws IOException {
        try {
            loader.close();
        } finally {
            Folders.delete(root);
        }
    }
}

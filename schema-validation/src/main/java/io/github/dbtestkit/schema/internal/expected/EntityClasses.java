package io.github.dbtestkit.schema.internal.expected;

import org.apiguardian.api.API;
import jakarta.persistence.Entity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds and checks {@code @Entity} classes: Hibernate scans packages only inside persistence units, so the
 * validator, the extension and the CLI share this scan of class-path folders and jars.
 *
 * <pre>{@code
 * List<Class<?>> entities = EntityClasses.scan(List.of("com.acme.model"), classLoader, "@DatabaseTest(entityPackages)");
 * EntityClasses.requireEntities(List.of(Post.class), "@DatabaseTest(entities)");
 * }</pre>
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class EntityClasses {

    private EntityClasses() {
    }

    /**
     * Whether the class carries {@code @jakarta.persistence.Entity}. Compared by name, so classes loaded by another
     * class loader (the CLI's, a test's) are recognised too.
     */
    public static boolean isEntity(Class<?> type) {
        for (java.lang.annotation.Annotation annotation : type.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(Entity.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks every class is an entity and the set is not empty.
     *
     * @param where what the user wrote the classes in, for messages: {@code @DatabaseTest(entities)}
     * @throws IllegalArgumentException naming the first class that is not an entity, or saying the set is empty
     */
    public static List<Class<?>> requireEntities(Collection<Class<?>> classes, String where) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("No entity classes in " + where
                    + ": name at least one @Entity class, or a package that holds some.");
        }
        for (Class<?> type : classes) {
            if (!isEntity(type)) {
                throw new IllegalArgumentException("Entity class " + type.getName() + " in " + where
                        + " is not annotated with @Entity.");
            }
        }
        return List.copyOf(new LinkedHashSet<>(classes));
    }

    /**
     * Every {@code @Entity} class in these packages and their sub-packages, sorted by name.
     *
     * @param where what the user wrote the packages in, for messages: {@code @DatabaseTest(entityPackages)}
     * @throws IllegalArgumentException when a package holds no entity class
     */
    public static List<Class<?>> scan(Collection<String> packages, ClassLoader loader, String where) {
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("No entity packages in " + where
                    + ": name at least one package that holds @Entity classes.");
        }
        List<Class<?>> found = new ArrayList<>();
        for (String pkg : packages) {
            List<Class<?>> inPackage = new ArrayList<>();
            for (String className : classNames(pkg, loader)) {
                Class<?> type = load(className, loader);
                if (type != null && isEntity(type)) {
                    inPackage.add(type);
                }
            }
            if (inPackage.isEmpty()) {
                throw new IllegalArgumentException("Package " + pkg + " in " + where
                        + " holds no @Entity class on the class path: check the package name.");
            }
            found.addAll(inPackage);
        }
        return List.copyOf(new LinkedHashSet<>(found));
    }

    private static Set<String> classNames(String pkg, ClassLoader loader) {
        String path = pkg.replace('.', '/');
        Set<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader.getResources(path);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    fromDirectory(Path.of(url.toURI()), pkg, names);
                } else if ("jar".equals(url.getProtocol())) {
                    fromJar(url, path, names);
                }
            }
            // Jars written without directory entries are invisible to getResources(folder): when that found
            // nothing, list the class path's jars directly (slower, so only then).
            if (names.isEmpty()) {
                for (Path jar : classPathJars(loader)) {
                    fromJarFile(jar, path, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not scan package " + pkg + " for entities: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Could not scan package " + pkg + " for entities: " + e.getMessage(), e);
        }
        return names;
    }

    private static void fromDirectory(Path dir, String pkg, Set<String> names) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> dir.relativize(f).toString())
                    .map(rel -> pkg + "." + rel.substring(0, rel.length() - ".class".length())
                            .replace(java.io.File.separatorChar, '.'))
                    .filter(name -> !name.endsWith("module-info") && !name.endsWith("package-info"))
                    .forEach(names::add);
        }
    }

    private static List<Path> classPathJars(ClassLoader loader) throws URISyntaxException {
        Set<Path> jars = new LinkedHashSet<>();
        for (ClassLoader l = loader; l != null; l = l.getParent()) {
            if (l instanceof java.net.URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol()) && url.getPath().endsWith(".jar")) {
                        jars.add(Path.of(url.toURI()));
                    }
                }
            }
            if (l == ClassLoader.getSystemClassLoader()) {
                for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
                    if (entry.endsWith(".jar")) {
                        jars.add(Path.of(entry));
                    }
                }
            }
        }
        return jars.stream().filter(Files::isRegularFile).toList();
    }

    private static void fromJarFile(Path file, String path, Set<String> names) throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            addEntries(jar, path, names);
        }
    }

    private static void fromJar(URL url, String path, Set<String> names) throws IOException {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            addEntries(jar, path, names);
        }
    }

    private static void addEntries(JarFile jar, String path, Set<String> names) {
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            String entry = entries.nextElement().getName();
            if (entry.startsWith(path + "/") && entry.endsWith(".class")
                    && !entry.endsWith("module-info.class") && !entry.endsWith("package-info.class")) {
                names.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
            }
        }
    }

    private static Class<?> load(String className, ClassLoader loader) {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // A class whose dependencies are absent cannot be an entity we could map; skip it.
            return null;
        }
    }
}

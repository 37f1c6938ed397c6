package io.github.dbtestkit.schema.internal.expected;

import io.github.dbtestkit.schema.scanfixture.NotAnEntity;
import io.github.dbtestkit.schema.scanfixture.Ship;
import io.github.dbtestkit.schema.scanfixture.sub.Crew;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityClassesTest {

    @Test
    void scanFindsEntitiesInPackageAndSubPackagesOfClassPathFolders() {
        List<Class<?>> found = EntityClasses.scan(List.of("io.github.dbtestkit.schema.scanfixture"),
                getClass().getClassLoader(), "@DatabaseTest(entityPackages)");

        assertThat(found).containsExactlyInAnyOrder(Ship.class, Crew.class);
    }

    @Test
    void scanFindsEntitiesInJars(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("model.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Class<?> type : List.of(Ship.class, Crew.class, NotAnEntity.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        URL persistenceApi = Entity.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), persistenceApi},
                ClassLoader.getPlatformClassLoader())) {

            List<Class<?>> found = EntityClasses.scan(List.of("io.github.dbtestkit.schema.scanfixture"), loader,
                    "--entities-package");

            assertThat(found).extracting(Class::getName).containsExactlyInAnyOrder(Ship.class.getName(),
                    Crew.class.getName());
            assertThat(found).allMatch(type -> type.getClassLoader() == loader);
        }
    }

    @Test
    void scanOfPackageWithoutEntitiesSaysSo() {
        assertThatThrownBy(() -> EntityClasses.scan(List.of("com.acme.nothing"), getClass().getClassLoader(),
                "@DatabaseTest(entityPackages)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Package com.acme.nothing in @DatabaseTest(entityPackages) holds no @Entity class on the"
                        + " class path: check the package name.");
    }

    @Test
    void scanWithoutPackagesSaysSo() {
        assertThatThrownBy(() -> EntityClasses.scan(List.of(), getClass().getClassLoader(), "--entities-package"))
                .hasMessage("No entity packages in --entities-package: name at least one package that holds"
                        + " @Entity classes.");
    }

    @Test
    void classWithoutEntityAnnotationIsNamedInTheError() {
        assertThatThrownBy(() -> EntityClasses.requireEntities(List.of(Ship.class, NotAnEntity.class),
                "@DatabaseTest(entities)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Entity class io.github.dbtestkit.schema.scanfixture.NotAnEntity in @DatabaseTest(entities)"
                        + " is not annotated with @Entity.");
    }

    @Test
    void emptyEntitySetIsAnError() {
        assertThatThrownBy(() -> EntityClasses.requireEntities(List.of(), "@DatabaseTest(entities)"))
                .hasMessage("No entity classes in @DatabaseTest(entities): name at least one @Entity class, or a"
                        + " package that holds some.");
    }

    @Test
    void requireEntitiesDropsDuplicatesAndKeepsOrder() {
        assertThat(EntityClasses.requireEntities(List.of(Crew.class, Ship.class, Crew.class), "test"))
                .containsExactly(Crew.class, Ship.class);
    }

    @Test
    void isEntityRecognisesTheAnnotation() throws IOException {
        assertThat(EntityClasses.isEntity(Ship.class)).isTrue();
        assertThat(EntityClasses.isEntity(NotAnEntity.class)).isFalse();
    }
}

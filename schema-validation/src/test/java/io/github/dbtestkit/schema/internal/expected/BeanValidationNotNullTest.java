package io.github.dbtestkit.schema.internal.expected;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.bvfixture.Checklist;
import io.github.dbtestkit.schema.internal.model.ColumnModel;
import io.github.dbtestkit.schema.internal.model.TableModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bean Validation's not-null constraints reach the expected model once, named, whatever the application configures,
 * and the reader works without the Bean Validation API on the class path.
 */
class BeanValidationNotNullTest {

    @Test
    void notBlankOnTheFieldAndNotNullOnTheGetterMakeColumnsNotNullAndNameTheAnnotation() {
        TableModel table = read(Checklist.class, HibernateProperties.NONE);

        assertThat(column(table, "title").nullable()).isFalse();
        assertThat(column(table, "title").mapping().notNullConstraint()).isEqualTo("@NotBlank");
        assertThat(column(table, "owner").mapping().notNullConstraint()).isEqualTo("@NotNull");
    }

    @Test
    void validationModeOfTheApplicationDoesNotApplyTheConstraintsASecondTime() {
        // Hibernate applies Bean Validation to the DDL only while building a SessionFactory; the reader reads boot
        // metadata with validation off, so the mapping's column stays nullable and the reader's rule names it once.
        TableModel table = read(Checklist.class,
                HibernateProperties.of(Map.of("jakarta.persistence.validation.mode", "ddl")));

        assertThat(column(table, "title").nullable()).isFalse();
        assertThat(column(table, "title").mapping().notNullConstraint()).isEqualTo("@NotBlank");
    }

    @Test
    void withoutTheBeanValidationApiTheColumnsStayNullableAndNothingFails() throws ClassNotFoundException {
        Class<?> withoutApi = new WithoutBeanValidation(getClass().getClassLoader()).loadClass(Checklist.class.getName());

        TableModel table = read(withoutApi, HibernateProperties.NONE);

        assertThat(withoutApi.getClassLoader()).isInstanceOf(WithoutBeanValidation.class);
        assertThat(column(table, "title").nullable()).isTrue();
        assertThat(column(table, "owner").mapping().notNullConstraint()).isNull();
    }

    private static TableModel read(Class<?> entity, HibernateProperties properties) {
        return new ExpectedSchemaReader(EngineKind.H2, 0, 0, properties).read(List.of(entity))
                .table("checklists").orElseThrow();
    }

    private static ColumnModel column(TableModel table, String name) {
        return table.column(name).orElseThrow();
    }

    /** Defines the fixture itself and hides jakarta.validation, as an application without the API would. */
    private static final class WithoutBeanValidation extends ClassLoader {
        WithoutBeanValidation(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jakarta.validation.")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith("io.github.dbtestkit.schema.bvfixture.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return loaded;
            }
        }
    }
}

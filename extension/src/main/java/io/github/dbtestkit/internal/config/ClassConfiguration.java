package io.github.dbtestkit.internal.config;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.core.internal.hibernate.PersistenceUnit;
import java.util.ArrayList;
import java.util.Optional;
import org.apiguardian.api.API;
import io.github.dbtestkit.DatabaseTest;
import io.github.dbtestkit.Engine;
import io.github.dbtestkit.Isolation;
import io.github.dbtestkit.SchemaMode;

import java.util.Arrays;
import java.util.List;

/**
 * One test class's {@link DatabaseTest} settings, with the run's overrides applied.
 *
 * <pre>{@code
 * ClassConfiguration config = ClassConfiguration.of(PostTest.class, annotation, settings);
 * }</pre>
 *
 * @param testClass      the annotated class
 * @param engines        the engines it runs on in this run, in order (see {@link EngineSelection}); empty when the
 *                       run's engine keys select none of the class's engines
 * @param entities       the classes listed in {@code entities}
 * @param entityPackages the packages listed in {@code entityPackages}
 * @param schema         the schema mode as written (may be AUTO)
 * @param migrations     the migrations location as written, empty if none
 * @param isolation      the isolation mode
 * @param validateSchema whether to validate entities against MIGRATIONS / NONE schemas
 * @param hibernateProperties the Hibernate settings: {@code hibernate.properties}, overridden by the persistence
 *                       unit's, by the run's {@code dbtestkit.hibernate.*} and {@code dbtestkit.naming}, by the class's {@code hibernateProperties}
 * @param settings       the run's settings
 * @param accepted       the differences the class accepts: its {@code @AcceptedDifference}s and its baseline file
 *                       (see {@link Acceptances})
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record ClassConfiguration(Class<?> testClass, List<Engine> engines, List<Class<?>> entities, List<String> entityPackages,
                                 SchemaMode schema, String migrations, Isolation isolation, boolean validateSchema,
                                 HibernateProperties hibernateProperties, Settings settings, Acceptances accepted) {

    /** Copies the lists. */
    public ClassConfiguration {
        engines = List.copyOf(engines);
        entities = List.copyOf(entities);
        entityPackages = List.copyOf(entityPackages);
    }

    /** Reads the annotation and applies the run's settings. */
    public static ClassConfiguration of(Class<?> testClass, DatabaseTest annotation, Settings settings) {
        List<Engine> engines = EngineSelection.of(testClass, annotation.engines(), settings).engines();
        Optional<PersistenceUnit> unit = persistenceUnit(testClass, annotation);
        List<Class<?>> entities = new ArrayList<>(List.of(annotation.entities()));
        unit.ifPresent(u -> entities.addAll(unitClasses(testClass, u)));
        HibernateProperties properties = unit.map(PersistenceUnit::properties).orElse(HibernateProperties.NONE)
                .overriddenBy(settings.hibernate())
                .overriddenBy(classProperties(testClass, annotation));
        return new ClassConfiguration(testClass, engines, entities,
                Arrays.stream(annotation.entityPackages()).map(String::trim).filter(p -> !p.isEmpty()).toList(),
                annotation.schema(), annotation.migrations().trim(), annotation.isolation(), annotation.validateSchema(),
                properties, settings, Acceptances.of(testClass, annotation, settings, loader(testClass)));
    }

    private static Optional<PersistenceUnit> persistenceUnit(Class<?> testClass, DatabaseTest annotation) {
        String name = annotation.persistenceUnit().strip();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PersistenceUnit.find(loader(testClass), name));
        } catch (ProvisioningException e) {
            throw new IllegalArgumentException("@DatabaseTest(persistenceUnit = \"" + name + "\") on "
                    + testClass.getName() + ": " + e.getMessage(), e);
        }
    }

    private static List<Class<?>> unitClasses(Class<?> testClass, PersistenceUnit unit) {
        try {
            return unit.loadClasses(loader(testClass));
        } catch (ProvisioningException e) {
            throw new IllegalArgumentException("@DatabaseTest(persistenceUnit = \"" + unit.name() + "\") on "
                    + testClass.getName() + ": " + e.getMessage(), e);
        }
    }

    private static ClassLoader loader(Class<?> testClass) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : testClass.getClassLoader();
    }

    private static HibernateProperties classProperties(Class<?> testClass, DatabaseTest annotation) {
        try {
            return HibernateProperties.parse(List.of(annotation.hibernateProperties()),
                    "@DatabaseTest(hibernateProperties) on " + testClass.getName());
        } catch (ProvisioningException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}

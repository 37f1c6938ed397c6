package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import io.github.dbtestkit.schema.SchemaReport;
import io.github.dbtestkit.schema.SchemaValidator;

import javax.sql.DataSource;
import java.util.List;

/** The comparison the CLI runs; a seam so the command's own behaviour can be tested with hand-built reports. */
@FunctionalInterface
interface Validation {

    /** The real one: {@link SchemaValidator} on the entity classes, or on the packages when no class is given. */
    Validation SCHEMA_VALIDATOR = (entities, packages, properties, dataSource) -> (entities.isEmpty()
            ? SchemaValidator.forPackages(packages.toArray(String[]::new))
            : SchemaValidator.forEntities(entities.toArray(Class<?>[]::new)))
            .withHibernateProperties(properties.values())
            .against(dataSource)
            .validate();

    SchemaReport validate(List<Class<?>> entities, List<String> packages, HibernateProperties properties,
                          DataSource dataSource);
}

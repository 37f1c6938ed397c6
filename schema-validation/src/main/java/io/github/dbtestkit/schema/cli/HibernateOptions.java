package io.github.dbtestkit.schema.cli;

import io.github.dbtestkit.core.ProvisioningException;
import io.github.dbtestkit.core.internal.hibernate.HibernateProperties;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI's Hibernate settings, so the mapping is read as the application reads it: a {@code .properties} file, then
 * single {@code KEY=VALUE} settings, which win. A picocli mixin, shared by the commands that read entities.
 */
final class HibernateOptions {

    @Option(names = "--hibernate-properties", paramLabel = "FILE",
            description = "A .properties file of Hibernate settings, as the application boots with "
                    + "(e.g. hibernate.physical_naming_strategy).")
    Path file;

    @Option(names = "--hibernate-property", paramLabel = "KEY=VALUE",
            description = "One Hibernate setting; repeatable; wins over --hibernate-properties. E.g. "
                    + "hibernate.physical_naming_strategy=org.hibernate.boot.model.naming."
                    + "PhysicalNamingStrategySnakeCaseImpl")
    List<String> properties = new ArrayList<>();

    /**
     * The settings, the file's overridden by the single ones.
     *
     * @throws CliException naming the file or the setting at fault
     */
    HibernateProperties resolve() {
        try {
            HibernateProperties fromFile = HibernateProperties.NONE;
            if (file != null) {
                if (!Files.isRegularFile(file)) {
                    throw new CliException("The Hibernate properties file " + file + " (from --hibernate-properties)"
                            + " does not exist: check the path.");
                }
                fromFile = HibernateProperties.read(file);
            }
            return fromFile.overriddenBy(HibernateProperties.parse(properties, "--hibernate-property"));
        } catch (ProvisioningException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

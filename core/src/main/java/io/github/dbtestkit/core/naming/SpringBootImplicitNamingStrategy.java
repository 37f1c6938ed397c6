package io.github.dbtestkit.core.naming;

import org.apiguardian.api.API;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Hibernate's JPA-compliant implicit naming with the one rule Spring Boot changes: a join table that the mapping
 * does not name is called {@code <owning table>_<owning attribute>} ({@code book_tags} for {@code Book.tags}), not
 * JPA's {@code <owning entity>_<target entity>} ({@code Book_Tag}). It names what Spring Boot 4's
 * {@code SpringImplicitNamingStrategy} names, so that dbtestkit reads a Boot application's mapping the way the
 * application does, without a dependency on Spring.
 *
 * <p>Usually set through the preset {@code dbtestkit.naming=spring-boot}, which also sets Hibernate's
 * {@code PhysicalNamingStrategySnakeCaseImpl}; or by hand:
 *
 * <pre>{@code
 * @DatabaseTest(hibernateProperties =
 *         "hibernate.implicit_naming_strategy=io.github.dbtestkit.core.naming.SpringBootImplicitNamingStrategy")
 * }</pre>
 *
 * <p>Not final: an application with rules of its own extends it, as Boot applications extend Boot's.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class SpringBootImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

    private static final long serialVersionUID = 1L;

    /** Hibernate instantiates it by its class name. */
    public SpringBootImplicitNamingStrategy() {
    }

    /**
     * {@code <owning physical table>_<owning attribute>}; the physical naming strategy then applies to the result
     * (snake_case turns {@code book_relatedBooks} into {@code book_related_books}).
     */
    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_" + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}

package io.github.dbtestkit;

import io.github.dbtestkit.naming.Owner;
import io.github.dbtestkit.naming.PostalAddress;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @DatabaseTest(persistenceUnit)}: entities and Hibernate settings from {@code META-INF/persistence.xml}. */
class PersistenceUnitTest {

    @DatabaseTest(engines = {Engine.H2, Engine.SQLITE}, persistenceUnit = "owners",
            migrations = "classpath:migration-fixtures/flyway/snake-case/{engine}")
    static class FromTheUnit {
        @Test
        void entitiesAndNamingComeFromTheUnitNotItsDatabase(EntityManager em) {
            Owner owner = new Owner("Jean", "Coleman", new PostalAddress("105 N. Lake St.", "Monona"));
            em.persist(owner);
            em.flush();
            em.clear();
            assertThat(em.find(Owner.class, owner.getId()).getFirstName()).isEqualTo("Jean");
        }
    }

    @Test
    void theUnitsClassesAndNamingStrategyApplyAndItsConnectionSettingsDoNot() {
        EngineExecutionResults results = TestKit.run(FromTheUnit.class);

        assertThat(TestKit.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
    }

    @DatabaseTest(persistenceUnit = "shop")
    static class UnknownUnit {
        @Test
        void never() {
        }
    }

    @Test
    void anUnknownUnitIsNamedWithTheUnitsThatExist() {
        assertThat(TestKit.failures(TestKit.run(UnknownUnit.class))).singleElement().asString()
                .contains("@DatabaseTest(persistenceUnit = \"shop\") on " + UnknownUnit.class.getName()
                        + ": No persistence unit 'shop' in the META-INF/persistence.xml files on the class path; the"
                        + " units there are [owners, broken]: use one of those names.");
    }

    @DatabaseTest(persistenceUnit = "broken")
    static class BrokenUnit {
        @Test
        void never() {
        }
    }

    @Test
    void aClassTheUnitListsButTheClassPathLacksIsNamed() {
        assertThat(TestKit.failures(TestKit.run(BrokenUnit.class))).singleElement().asString()
                .contains("Class com.example.NoSuchEntity of persistence unit 'broken' (")
                .contains("persistence.xml) cannot be loaded");
    }
}

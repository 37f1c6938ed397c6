package io.github.dbtestkit;

import io.github.dbtestkit.fixtures.NotAnEntity;
import io.github.dbtestkit.fixtures.Post;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Misconfiguration fails every affected test with a message that names the culprit and the fix. */
class BadInputTest {

    @DatabaseTest(entities = {Post.class, NotAnEntity.class})
    static class ListsANonEntity {
        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }

    @Test
    void aClassInEntitiesThatIsNotAnEntityIsNamed() {
        EngineExecutionResults results = TestKit.run(ListsANonEntity.class);

        assertThat(TestKit.failures(results)).hasSize(2).allSatisfy(message -> assertThat(message).contains(
                "Entity class io.github.dbtestkit.fixtures.NotAnEntity in @DatabaseTest(entities) on "
                        + ListsANonEntity.class.getName() + " is not annotated with @Entity."));
    }

    @DatabaseTest(schema = SchemaMode.CREATE_ALL)
    static class CreateAllWithoutEntities {
        @Test
        void needsTables() {
        }
    }

    @Test
    void createAllWithoutEntitiesSaysWhereToListThem() {
        EngineExecutionResults results = TestKit.run(CreateAllWithoutEntities.class);

        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("@DatabaseTest(schema = CREATE_ALL) on " + CreateAllWithoutEntities.class.getName())
                .contains("has no entities")
                .contains("entities = {...} or entityPackages = {...}");
    }

    @DatabaseTest(engines = {})
    static class NoEngines {
        @Test
        void never() {
        }
    }

    @Test
    void anEmptyEngineListIsRejected() {
        EngineExecutionResults results = TestKit.run(NoEngines.class);

        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("@DatabaseTest(engines = {}) on " + NoEngines.class.getName() + " names no engine");
    }

    @Test
    void anEmptyEngineListIsRejectedUnderAnOverrideToo() {
        EngineExecutionResults results = TestKit.run(NoEngines.class, Map.of("dbtestkit.engines.override", "h2"));

        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("@DatabaseTest(engines = {}) on " + NoEngines.class.getName() + " names no engine");
    }

    @Test
    void anUnknownProviderIsRejectedWithTheValidOnes() {
        EngineExecutionResults results = TestKit.run(CreateAllWithoutEntities.class,
                Map.of("dbtestkit.postgresql.provider", "docker"));

        assertThat(TestKit.failures(results)).singleElement().asString()
                .contains("Unknown dbtestkit.postgresql.provider 'docker'")
                .contains("auto, embedded, testcontainers, external, local");
    }
}

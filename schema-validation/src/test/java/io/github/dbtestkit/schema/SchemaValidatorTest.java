package io.github.dbtestkit.schema;

import io.github.dbtestkit.core.EngineKind;
import io.github.dbtestkit.schema.scanfixture.NotAnEntity;
import io.github.dbtestkit.schema.scanfixture.Ship;
import io.github.dbtestkit.schema.support.TestDb;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaValidatorTest {

    @Entity
    @Table(name = "posts")
    static class Post {
        @Id Long id;
        @Column(length = 100) String title;
    }

    @Entity
    @Table(name = "comments")
    static class Comment {
        @Id Long id;
        @ManyToOne(optional = false) @JoinColumn(name = "post_id") Post post;
    }

    @Entity
    @Table(name = "leads", schema = "sales")
    static class Lead {
        @Id Long id;
        String name;
    }

    @Entity
    static class NoId {
        String name;
    }

    @ParameterizedTest
    @EnumSource(EngineKind.class)
    void messageNamesTableColumnEntityAndAttribute(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute("""
                    create table posts (id bigint not null primary key, title varchar(100));
                    create table comments (id bigint not null primary key, post_id bigint references posts (id));
                    """);

            SchemaReport report = SchemaValidator.forEntities(Post.class, Comment.class).against(db.dataSource())
                    .validate();

            assertThat(report.differences()).singleElement().satisfies(d -> {
                assertThat(d.message()).isEqualTo("Column comments.post_id (Comment.post) is nullable in the database"
                        + " but the mapping says not null.");
                assertThat(d.rule()).isEqualTo("nullability-mismatch.database-nullable");
                assertThat(d.expected()).isEqualTo("not null");
                assertThat(d.actual()).isEqualTo("nullable");
            });
            assertThat(report.engine()).isEqualTo(engine.displayName());
        }
    }

    @Test
    void sqliteReportSaysLengthsAreNotComparedAndRaisesNoLengthFinding() {
        try (TestDb db = TestDb.create(EngineKind.SQLITE)) {
            db.execute("create table posts (id bigint not null primary key, title varchar(10))");

            SchemaReport report = SchemaValidator.forEntities(Post.class).against(db.dataSource()).validate();

            assertThat(report.differences()).isEmpty();
            assertThat(report.notes()).singleElement().asString().contains("Lengths are not compared on SQLite");
        }
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"H2", "POSTGRESQL"})
    void tablesOfASchemaTheMappingNamesAreComparedAndOtherSchemasIgnored(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute("""
                    create schema sales;
                    create table sales.leads (id bigint not null primary key, name varchar(255));
                    create schema archive;
                    create table archive.old_leads (id bigint not null primary key);
                    """);

            SchemaReport report = SchemaValidator.forEntities(Lead.class).against(db.dataSource()).validate();

            assertThat(report.differences()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = EngineKind.class, names = {"H2", "POSTGRESQL"})
    void tableMissingFromTheNamedSchemaIsReportedWithItsSchema(EngineKind engine) {
        try (TestDb db = TestDb.create(engine)) {
            db.execute("create table leads (id bigint not null primary key, name varchar(255))");

            SchemaReport report = SchemaValidator.forEntities(Lead.class).against(db.dataSource()).validate();

            assertThat(report.differences()).extracting(Difference::kind, Difference::table)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(DifferenceKind.MISSING_TABLE, "sales.leads"),
                            org.assertj.core.groups.Tuple.tuple(DifferenceKind.UNMAPPED_TABLE,
                                    engine == EngineKind.H2 ? "LEADS" : "leads"));
        }
    }

    @Test
    void forPackagesValidatesEveryEntityFound() {
        try (TestDb db = TestDb.create(EngineKind.H2)) {
            db.execute("create table ships (id bigint not null primary key, name varchar(255))");

            SchemaReport report = SchemaValidator.forPackages("io.github.dbtestkit.schema.scanfixture")
                    .against(db.dataSource()).validate();

            assertThat(report.differences()).extracting(Difference::kind, Difference::table)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(DifferenceKind.MISSING_TABLE, "crew"));
        }
    }

    @Test
    void validateWithoutADataSourceSaysWhatToCall() {
        assertThatThrownBy(() -> SchemaValidator.forEntities(Ship.class).validate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No database to validate against: call against(dataSource) before validate().");
    }

    @Test
    void classThatIsNotAnEntityIsNamed() {
        assertThatThrownBy(() -> SchemaValidator.forEntities(Ship.class, NotAnEntity.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Entity class io.github.dbtestkit.schema.scanfixture.NotAnEntity in"
                        + " SchemaValidator.forEntities(...) is not annotated with @Entity.");
    }

    @Test
    void noEntitiesIsAnError() {
        assertThatThrownBy(SchemaValidator::forEntities)
                .hasMessage("No entity classes in SchemaValidator.forEntities(...): name at least one @Entity class,"
                        + " or a package that holds some.");
        assertThatThrownBy(SchemaValidator::forPackages)
                .hasMessage("No entity packages in SchemaValidator.forPackages(...): name at least one package that"
                        + " holds @Entity classes.");
    }

    @Test
    void packageWithoutEntitiesIsNamed() {
        try (TestDb db = TestDb.create(EngineKind.H2)) {
            assertThatThrownBy(() -> SchemaValidator.forPackages("com.acme.model").against(db.dataSource()).validate())
                    .hasMessage("Package com.acme.model in SchemaValidator.forPackages(...) holds no @Entity class on"
                            + " the class path: check the package name.");
        }
    }

    @Test
    void mappingHibernateRejectsIsReportedWithTheEntities() {
        try (TestDb db = TestDb.create(EngineKind.H2)) {
            assertThatThrownBy(() -> SchemaValidator.forEntities(NoId.class).against(db.dataSource()).validate())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("Hibernate could not map the entities [NoId]: ")
                    .hasMessageContaining("NoId");
        }
    }

    @Test
    void unsupportedEngineIsNamedWithoutCredentials() {
        DataSource mysql = dataSource("MySQL", "jdbc:mysql://app:s3cret@db.example.com/shop?password=s3cret");

        assertThatThrownBy(() -> SchemaValidator.forEntities(Ship.class).against(mysql).validate())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Schema validation supports H2, SQLite and PostgreSQL, but"
                        + " jdbc:mysql://***@db.example.com/shop?password=*** is MySQL.");
    }

    @Test
    void reportNamesTheDatabaseWithoutPassword() {
        assertThat(SchemaValidator.maskUrl("jdbc:postgresql://localhost:5432/app?user=app&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://localhost:5432/app?user=app&password=***&ssl=true");
    }

    private static DataSource dataSource(String product, String url) {
        DatabaseMetaData meta = proxy(DatabaseMetaData.class, (p, m, a) -> switch (m.getName()) {
            case "getDatabaseProductName" -> product;
            case "getURL" -> url;
            default -> throw new UnsupportedOperationException(m.getName());
        });
        Connection connection = proxy(Connection.class, (p, m, a) -> switch (m.getName()) {
            case "getMetaData" -> meta;
            case "close" -> null;
            default -> throw new UnsupportedOperationException(m.getName());
        });
        return proxy(DataSource.class, (p, m, a) -> {
            if (m.getName().equals("getConnection")) {
                return connection;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(SchemaValidatorTest.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}

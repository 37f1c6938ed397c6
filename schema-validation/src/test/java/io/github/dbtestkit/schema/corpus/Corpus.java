package io.github.dbtestkit.schema.corpus;

import io.github.dbtestkit.schema.DifferenceKind;
import io.github.dbtestkit.schema.Severity;
import io.github.dbtestkit.core.EngineKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.github.dbtestkit.schema.DifferenceKind.LENGTH_MISMATCH;
import static io.github.dbtestkit.schema.DifferenceKind.MISSING_COLUMN;
import static io.github.dbtestkit.schema.DifferenceKind.MISSING_FOREIGN_KEY;
import static io.github.dbtestkit.schema.DifferenceKind.MISSING_IDENTITY;
import static io.github.dbtestkit.schema.DifferenceKind.MISSING_INDEX;
import static io.github.dbtestkit.schema.DifferenceKind.MISSING_SEQUENCE;
import static io.github.dbtestkit.schema.DifferenceKind.MISSING_TABLE;
import static io.github.dbtestkit.schema.DifferenceKind.MISSING_UNIQUE_CONSTRAINT;
import static io.github.dbtestkit.schema.DifferenceKind.NULLABILITY_MISMATCH;
import static io.github.dbtestkit.schema.DifferenceKind.PRECISION_MISMATCH;
import static io.github.dbtestkit.schema.DifferenceKind.PRIMARY_KEY_MISMATCH;
import static io.github.dbtestkit.schema.DifferenceKind.TYPE_MISMATCH;
import static io.github.dbtestkit.schema.DifferenceKind.UNMAPPED_CHECK_CONSTRAINT;
import static io.github.dbtestkit.schema.DifferenceKind.UNMAPPED_COLUMN;
import static io.github.dbtestkit.schema.DifferenceKind.UNMAPPED_TABLE;
import static io.github.dbtestkit.schema.Severity.ERROR;
import static io.github.dbtestkit.schema.Severity.INFO;
import static io.github.dbtestkit.schema.Severity.WARNING;

/**
 * The drift corpus: each case is a correct schema with one change, the mapping it is checked against, and the
 * finding that change must produce. Plus correct schemas that must produce no error or warning.
 */
final class Corpus {

    private static final Set<EngineKind> ALL = EnumSet.allOf(EngineKind.class);
    /** SQLite ignores declared lengths, and has neither sequences nor time zones nor integer widths. */
    private static final Set<EngineKind> NOT_SQLITE = EnumSet.of(EngineKind.H2, EngineKind.POSTGRESQL);

    private Corpus() {
    }

    /** The finding a drift case must produce; {@code says}, when set, is a part its message must contain. */
    record Finding(DifferenceKind kind, Severity severity, String table, String column, String says) {
        Finding(DifferenceKind kind, Severity severity, String table, String column) {
            this(kind, severity, table, column, null);
        }

        @Override
        public String toString() {
            return kind + " " + severity + " " + table + (column == null ? "" : "." + column)
                    + (says == null ? "" : " saying \"" + says + "\"");
        }
    }

    /** One DDL + mapping pair; {@code finding} is null for a correct schema. */
    record Case(String name, List<Class<?>> entities, String ddl, Set<EngineKind> engines, Finding finding) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case drift(String name, List<Class<?>> entities, String base, String from, String to,
                              Set<EngineKind> engines, DifferenceKind kind, Severity severity, String table,
                              String column) {
        if (!base.contains(from)) {
            throw new IllegalArgumentException("Corpus case " + name + ": the base DDL has no '" + from + "'");
        }
        return new Case(name, entities, base.replace(from, to), engines, new Finding(kind, severity, table, column));
    }

    /** As the other, with a part the finding's message must contain. */
    private static Case drift(String name, List<Class<?>> entities, String base, String from, String to,
                              Set<EngineKind> engines, DifferenceKind kind, Severity severity, String table,
                              String column, String says) {
        Case plain = drift(name, entities, base, from, to, engines, kind, severity, table, column);
        return new Case(name, entities, plain.ddl(), engines, new Finding(kind, severity, table, column, says));
    }

    static List<Case> drift() {
        List<Case> cases = new java.util.ArrayList<>(classic());
        cases.addAll(validationRules());
        return List.copyOf(cases);
    }

    /**
     * The rules of docs/validation-rules.md: Bean Validation's not-null constraints, quoted names against names the
     * database folded, and @Enumerated(STRING) constants longer than their column.
     */
    private static List<Case> validationRules() {
        String tasks = Ddl.TASKS;
        String settings = Ddl.USER_SETTINGS;
        String tickets = Ddl.TICKETS;
        return List.of(
                drift("@NotBlank over a nullable column", Domains.TASKS, tasks, "title varchar(255) not null",
                        "title varchar(255)", ALL, NULLABILITY_MISMATCH, WARNING, "tasks", "title",
                        "@NotBlank on Task.title"),
                drift("@NotEmpty over a nullable column", Domains.TASKS, tasks, "code varchar(255) not null",
                        "code varchar(255)", ALL, NULLABILITY_MISMATCH, WARNING, "tasks", "code",
                        "@NotEmpty on Task.code"),
                drift("@NotNull on the getter (field access) over a nullable column", Domains.TASKS, tasks,
                        "summary varchar(255) not null", "summary varchar(255)", ALL, NULLABILITY_MISMATCH, WARNING,
                        "tasks", "summary", "@NotNull on Task.summary"),
                drift("@NotNull on the getter (property access) over a nullable column", Domains.LABELS, Ddl.LABELS,
                        "name varchar(255) not null", "name varchar(255)", ALL, NULLABILITY_MISMATCH, WARNING,
                        "labels", "name", "@NotNull on Label.name"),
                drift("constraint composed of @NotNull over a nullable column", Domains.TASKS, tasks,
                        "owner varchar(255) not null", "owner varchar(255)", ALL, NULLABILITY_MISMATCH, WARNING,
                        "tasks", "owner", "@Required on Task.owner"),
                drift("quoted @Table against a table created unquoted", Domains.USER_SETTINGS, settings,
                        "create table \"UserSettings\" (", "create table UserSettings (", NOT_SQLITE, MISSING_TABLE,
                        ERROR, "UserSettings", null, "the database folded it"),
                drift("quoted @Column against a column created unquoted", Domains.USER_SETTINGS, settings,
                        "\"Theme\" varchar(40)", "Theme varchar(40)", NOT_SQLITE, MISSING_COLUMN, ERROR,
                        "UserSettings", "Theme", "the database folded it"),
                drift("@Enumerated(STRING) longest constant longer than varchar", Domains.TICKETS, tickets,
                        "priority varchar(8)", "priority varchar(5)", NOT_SQLITE, LENGTH_MISMATCH, ERROR, "tickets",
                        "priority", "longest constant CRITICAL has 8 characters and the column holds 5"),
                drift("@Enumerated(STRING) constant missing from an H2 ENUM column", Domains.TICKETS, tickets,
                        "priority varchar(8)", "priority enum('LOW', 'MEDIUM')", EnumSet.of(EngineKind.H2),
                        TYPE_MISMATCH, ERROR, "tickets", "priority",
                        "does not accept CRITICAL of the @Enumerated(STRING) Ticket.priority (its longest constant"
                                + " CRITICAL has 8 characters and the column holds 6)"),
                drift("@Enumerated(STRING) constant missing from an H2 ENUM column of the same length",
                        Domains.TICKETS, tickets, "priority varchar(8)", "priority enum('LOW', 'MEDIUM', 'URGENTXX')",
                        EnumSet.of(EngineKind.H2), TYPE_MISMATCH, ERROR, "tickets", "priority",
                        "does not accept CRITICAL of the @Enumerated(STRING) Ticket.priority:"));
    }

    private static List<Case> classic() {
        String blog = Ddl.BLOG;
        String shop = Ddl.SHOP;
        return List.of(
                drift("table missing", Domains.BLOG, blog,
                        "create table comments (id {id}, body varchar(255), post_id bigint not null references posts (id));", "",
                        ALL, MISSING_TABLE, ERROR, "comments", null),
                drift("column missing", Domains.BLOG, blog, " body varchar(255), published", " published",
                        ALL, MISSING_COLUMN, ERROR, "posts", "body"),
                drift("varchar column is an integer", Domains.BLOG, blog, "title varchar(100) not null",
                        "title integer not null", ALL, TYPE_MISMATCH, ERROR, "posts", "title"),
                drift("varchar shorter than @Column(length)", Domains.BLOG, blog, "title varchar(100)",
                        "title varchar(50)", NOT_SQLITE, LENGTH_MISMATCH, ERROR, "posts", "title"),
                drift("varchar longer than @Column(length)", Domains.BLOG, blog, "title varchar(100)",
                        "title varchar(500)", NOT_SQLITE, LENGTH_MISMATCH, INFO, "posts", "title"),
                drift("not-null attribute over a nullable column", Domains.BLOG, blog, "title varchar(100) not null",
                        "title varchar(100)", ALL, NULLABILITY_MISMATCH, WARNING, "posts", "title"),
                drift("nullable attribute over NOT NULL without default", Domains.BLOG, blog, "body varchar(255), published",
                        "body varchar(255) not null, published", ALL, NULLABILITY_MISMATCH, ERROR, "posts", "body"),
                drift("@ManyToOne(optional = false) over a nullable FK column", Domains.BLOG, blog,
                        "post_id bigint not null", "post_id bigint", ALL, NULLABILITY_MISMATCH, WARNING, "comments",
                        "post_id"),
                drift("@ManyToOne foreign key missing", Domains.BLOG, blog, "post_id bigint not null references posts (id)",
                        "post_id bigint not null", ALL, MISSING_FOREIGN_KEY, WARNING, "comments", "post_id"),
                drift("foreign key references another table", Domains.BLOG,
                        "create table posts_archive (id bigint not null primary key);\n" + blog,
                        "references posts (id)", "references posts_archive (id)", ALL, MISSING_FOREIGN_KEY, WARNING,
                        "comments", "post_id"),
                drift("unmapped table", Domains.BLOG, blog, "create table comments",
                        "create table audit_log (id bigint, note varchar(255));\ncreate table comments",
                        ALL, UNMAPPED_TABLE, INFO, "audit_log", null),
                drift("unmapped nullable column", Domains.BLOG, blog, "published boolean not null",
                        "published boolean not null, slug varchar(80)", ALL, UNMAPPED_COLUMN, INFO, "posts", "slug"),
                drift("unmapped NOT NULL column without default", Domains.BLOG, blog, "published boolean not null",
                        "published boolean not null, slug varchar(80) not null", ALL, UNMAPPED_COLUMN, ERROR, "posts",
                        "slug"),
                drift("unmapped NOT NULL column with a default", Domains.BLOG, blog, "published boolean not null",
                        "published boolean not null, views integer default 0 not null", ALL, UNMAPPED_COLUMN, INFO,
                        "posts", "views"),
                drift("boolean stored as varchar", Domains.BLOG, blog, "published boolean not null",
                        "published varchar(5) not null", ALL, TYPE_MISMATCH, ERROR, "posts", "published"),
                drift("Instant over timestamp without time zone", Domains.BLOG, blog, "created_at {tstz}",
                        "created_at timestamp(6)", NOT_SQLITE, TYPE_MISMATCH, ERROR, "posts", "created_at"),
                drift("Instant over a date column", Domains.BLOG, blog, "created_at {tstz}", "created_at date",
                        ALL, TYPE_MISMATCH, ERROR, "posts", "created_at"),
                drift("primary key on other columns", Domains.BLOG, blog,
                        "create table comments (id {id}, body varchar(255), post_id bigint not null references posts (id));",
                        "create table comments (id bigint not null, body varchar(255), post_id bigint not null"
                                + " references posts (id), primary key (id, post_id));",
                        ALL, PRIMARY_KEY_MISMATCH, ERROR, "comments", "id"),
                drift("primary key missing", Domains.VEHICLES, Ddl.VEHICLES, "id bigint not null primary key",
                        "id bigint not null", ALL, PRIMARY_KEY_MISMATCH, ERROR, "vehicles", "id"),
                drift("IDENTITY id without identity, serial or default", Domains.BLOG, blog,
                        "create table posts (id {id},", "create table posts (id bigint not null primary key,",
                        ALL, MISSING_IDENTITY, ERROR, "posts", "id"),
                drift("CHECK constraint the mapping does not know", Domains.BLOG, blog, "title varchar(100) not null",
                        "title varchar(100) not null check (title <> '')", ALL, UNMAPPED_CHECK_CONSTRAINT, INFO,
                        "posts", null),
                drift("unique column without a unique constraint", Domains.SHOP, shop, "email varchar(200) not null unique",
                        "email varchar(200) not null", ALL, MISSING_UNIQUE_CONSTRAINT, WARNING, "users", "email"),
                drift("@UniqueConstraint missing", Domains.SHOP, shop, ",\n  constraint uk_products_vendor_code unique (vendor, code)",
                        "", ALL, MISSING_UNIQUE_CONSTRAINT, WARNING, "products", "vendor, code"),
                drift("@UniqueConstraint on fewer columns", Domains.SHOP, shop,
                        "constraint uk_products_vendor_code unique (vendor, code)",
                        "constraint uk_products_vendor_code unique (vendor)", ALL, MISSING_UNIQUE_CONSTRAINT, WARNING,
                        "products", "vendor, code"),
                drift("@Index missing", Domains.SHOP, shop, "create index idx_products_sku on products (sku);", "",
                        ALL, MISSING_INDEX, WARNING, "products", "sku"),
                drift("@Index on another column", Domains.SHOP, shop, "create index idx_products_sku on products (sku);",
                        "create index idx_products_sku on products (vendor);", ALL, MISSING_INDEX, WARNING,
                        "products", "sku"),
                drift("numeric precision lower than the mapping", Domains.SHOP, shop, "price numeric(10,2)",
                        "price numeric(8,2)", ALL, PRECISION_MISMATCH, ERROR, "products", "price"),
                drift("numeric scale lower than the mapping", Domains.SHOP, shop, "price numeric(10,2)",
                        "price numeric(10,1)", ALL, PRECISION_MISMATCH, ERROR, "products", "price"),
                drift("numeric more precise than the mapping", Domains.SHOP, shop, "price numeric(10,2)",
                        "price numeric(14,2)", ALL, PRECISION_MISMATCH, INFO, "products", "price"),
                drift("BigDecimal over double precision", Domains.SHOP, shop, "price numeric(10,2)",
                        "price double precision", ALL, TYPE_MISMATCH, ERROR, "products", "price"),
                drift("int over smallint", Domains.SHOP, shop, "stock integer not null", "stock smallint not null",
                        NOT_SQLITE, TYPE_MISMATCH, ERROR, "products", "stock"),
                drift("Long foreign key over integer", Domains.SHOP, shop, "user_id bigint not null",
                        "user_id integer not null", NOT_SQLITE, TYPE_MISMATCH, ERROR, "orders", "user_id"),
                drift("optional @ManyToOne over NOT NULL without default", Domains.SHOP, shop,
                        "product_id bigint references products (id)", "product_id bigint not null references products (id)",
                        ALL, NULLABILITY_MISMATCH, ERROR, "orders", "product_id"),
                drift("optional @ManyToOne foreign key missing", Domains.SHOP, shop,
                        "product_id bigint references products (id)", "product_id bigint", ALL, MISSING_FOREIGN_KEY,
                        WARNING, "orders", "product_id"),
                drift("int stored as varchar", Domains.SHOP, shop, "quantity integer not null",
                        "quantity varchar(10) not null", ALL, TYPE_MISMATCH, ERROR, "orders", "quantity"),
                drift("@Column(length = 100) over varchar(50)", Domains.SHOP, shop, "name varchar(100)",
                        "name varchar(50)", NOT_SQLITE, LENGTH_MISMATCH, ERROR, "users", "name"),
                drift("sequence missing", Domains.INVOICES, Ddl.INVOICES, "{seq invoice_seq 50};", "",
                        NOT_SQLITE, MISSING_SEQUENCE, ERROR, "invoice_seq", null),
                drift("sequence increments by 1, allocationSize is 50", Domains.INVOICES, Ddl.INVOICES,
                        "{seq invoice_seq 50}", "{seq invoice_seq 1}", NOT_SQLITE, MISSING_SEQUENCE, ERROR,
                        "invoice_seq", null),
                drift("join table missing", Domains.TAGGING, Ddl.TAGGING, "create table article_tags (",
                        "create table article_tag (", ALL, MISSING_TABLE, ERROR, "article_tags", null),
                drift("join table foreign key missing", Domains.TAGGING, Ddl.TAGGING,
                        "tag_id bigint not null references tags (id)", "tag_id bigint not null", ALL,
                        MISSING_FOREIGN_KEY, WARNING, "article_tags", "tag_id"),
                drift("join table without primary key", Domains.TAGGING, Ddl.TAGGING, ", primary key (article_id, tag_id)",
                        "", ALL, PRIMARY_KEY_MISMATCH, ERROR, "article_tags", "article_id, tag_id"),
                drift("join table with a NOT NULL unique constraint instead of a primary key", Domains.TAGGING,
                        Ddl.TAGGING, ", primary key (article_id, tag_id)", ", unique (article_id, tag_id)", ALL,
                        PRIMARY_KEY_MISMATCH, WARNING, "article_tags", "article_id, tag_id"),
                drift("@Embedded column missing", Domains.PEOPLE, Ddl.PEOPLE, ", city varchar(255)", "", ALL,
                        MISSING_COLUMN, ERROR, "people", "city"),
                drift("@ElementCollection foreign key missing", Domains.PEOPLE, Ddl.PEOPLE,
                        "person_id bigint not null references people (id)", "person_id bigint not null", ALL,
                        MISSING_FOREIGN_KEY, WARNING, "person_nicknames", "person_id"),
                drift("@ElementCollection column shorter", Domains.PEOPLE, Ddl.PEOPLE, "nickname varchar(50)",
                        "nickname varchar(20)", NOT_SQLITE, LENGTH_MISMATCH, ERROR, "person_nicknames", "nickname"),
                drift("SINGLE_TABLE subclass column NOT NULL", Domains.VEHICLES, Ddl.VEHICLES, "seats integer",
                        "seats integer not null", ALL, NULLABILITY_MISMATCH, ERROR, "vehicles", "seats"),
                drift("discriminator column missing", Domains.VEHICLES, Ddl.VEHICLES, " kind varchar(31) not null,", "",
                        ALL, MISSING_COLUMN, ERROR, "vehicles", "kind"),
                drift("JOINED subclass table without FK to its parent", Domains.PAYMENTS, Ddl.PAYMENTS,
                        "primary key references payments (id)", "primary key", ALL, MISSING_FOREIGN_KEY, WARNING,
                        "card_payments", "id"),
                drift("JOINED subclass table missing", Domains.PAYMENTS, Ddl.PAYMENTS, "create table card_payments",
                        "create table card_payment", ALL, MISSING_TABLE, ERROR, "card_payments", null),
                drift("@Version column missing", Domains.ACCOUNTS, Ddl.ACCOUNTS, " version integer not null,", "",
                        ALL, MISSING_COLUMN, ERROR, "accounts", "version"),
                drift("UUID stored as varchar(36)", Domains.ACCOUNTS, Ddl.ACCOUNTS, "id {uuid} not null",
                        "id varchar(36) not null", ALL, TYPE_MISMATCH, ERROR, "accounts", "id"),
                drift("@Enumerated(STRING) over an integer column", Domains.ACCOUNTS, Ddl.ACCOUNTS,
                        "status varchar(20) not null", "status integer not null", ALL, TYPE_MISMATCH, ERROR,
                        "accounts", "status"),
                drift("@Lob String over varchar(100)", Domains.ACCOUNTS, Ddl.ACCOUNTS, "notes {clob}",
                        "notes varchar(100)", EnumSet.of(EngineKind.H2), LENGTH_MISMATCH, ERROR, "accounts", "notes"),
                drift("@Lob String (oid on PostgreSQL) over text", Domains.ACCOUNTS, Ddl.ACCOUNTS, "notes {clob}",
                        "notes text", EnumSet.of(EngineKind.POSTGRESQL), TYPE_MISMATCH, ERROR, "accounts", "notes"),
                drift("quoted mixed-case column nullable", Domains.AUTHORS, Ddl.AUTHORS,
                        "\"DisplayName\" varchar(255) not null", "\"DisplayName\" varchar(255)", ALL,
                        NULLABILITY_MISMATCH, WARNING, "BlogAuthors", "DisplayName"),
                drift("Bean Validation @NotNull over a nullable column", Domains.NOTES, Ddl.NOTES,
                        "text varchar(255) not null", "text varchar(255)", ALL, NULLABILITY_MISMATCH, WARNING, "notes",
                        "text"),
                drift("@OneToOne without its unique constraint", Domains.PROFILES, Ddl.PROFILES,
                        "member_id bigint not null unique references", "member_id bigint not null references", ALL,
                        MISSING_UNIQUE_CONSTRAINT, WARNING, "profiles", "member_id"),
                drift("@OneToOne foreign key missing", Domains.PROFILES, Ddl.PROFILES,
                        "unique references members (id)", "unique", ALL, MISSING_FOREIGN_KEY, WARNING, "profiles",
                        "member_id"),
                drift("composite foreign key missing", Domains.SHIPMENTS, Ddl.SHIPMENTS,
                        ",\n  foreign key (order_no, line_no) references order_lines (order_no, line_no)", "", ALL,
                        MISSING_FOREIGN_KEY, WARNING, "shipments", "order_no, line_no"),
                drift("composite primary key on one column", Domains.SHIPMENTS,
                        Ddl.SHIPMENTS.replace(",\n  foreign key (order_no, line_no) references order_lines (order_no, line_no)", ""),
                        "primary key (line_no, order_no)", "primary key (order_no)", ALL, PRIMARY_KEY_MISMATCH, ERROR,
                        "order_lines", null),
                drift("quoted mixed-case table missing", Domains.AUTHORS, Ddl.AUTHORS, "create table \"BlogAuthors\"",
                        "create table \"BlogAuthor\"", ALL, MISSING_TABLE, ERROR, "BlogAuthors", null));
    }

    static List<Case> correct() {
        List<Case> cases = new java.util.ArrayList<>(classicCorrect());
        cases.addAll(List.of(
                correct("Bean Validation @NotBlank, @NotEmpty, @NotNull on getters and composed, over NOT NULL;"
                        + " @NotNull of another group over a nullable column", Domains.TASKS, Ddl.TASKS),
                correct("@NotNull on getters of a property-access entity over NOT NULL", Domains.LABELS, Ddl.LABELS),
                correct("quoted @Table and @Column against quoted DDL", Domains.USER_SETTINGS, Ddl.USER_SETTINGS),
                // SQLite compares identifiers ignoring case even when quoted, so Hibernate finds them: no finding.
                correct("SQLite: quoted @Table and @Column against unquoted DDL", Domains.USER_SETTINGS,
                        Ddl.USER_SETTINGS.replace("\"UserSettings\"", "UserSettings").replace("\"Theme\"", "Theme"),
                        EnumSet.of(EngineKind.SQLITE)),
                correct("@Enumerated(STRING) columns that hold the longest constant (one shorter than @Column(length)),"
                        + " @Enumerated(ORDINAL) in a small integer", Domains.TICKETS, Ddl.TICKETS),
                correct("H2: @Enumerated(STRING) over an ENUM column with every constant", Domains.TICKETS,
                        Ddl.TICKETS.replace("priority varchar(8)", "priority enum('LOW', 'MEDIUM', 'CRITICAL')"),
                        EnumSet.of(EngineKind.H2)),
                // Lengths mean nothing on SQLite (SchemaDiff.SQLITE_LENGTH_NOTE): no finding, whatever it declares.
                correct("SQLite: @Enumerated(STRING) over a varchar shorter than its longest constant",
                        Domains.TICKETS, Ddl.TICKETS.replace("priority varchar(8)", "priority varchar(5)"),
                        EnumSet.of(EngineKind.SQLITE))));
        return List.copyOf(cases);
    }

    private static List<Case> classicCorrect() {
        return List.of(
                correct("blog: identity ids, boolean, Instant, @ManyToOne", Domains.BLOG, Ddl.BLOG),
                correct("shop: unique, @UniqueConstraint, @Index, BigDecimal, a DBA's CHECK", Domains.SHOP, Ddl.SHOP),
                correct("sequence id with allocationSize 50", Domains.INVOICES, Ddl.INVOICES),
                correct("@ManyToMany join table", Domains.TAGGING, Ddl.TAGGING),
                correct("@Embedded and @ElementCollection", Domains.PEOPLE, Ddl.PEOPLE),
                correct("SINGLE_TABLE inheritance", Domains.VEHICLES, Ddl.VEHICLES),
                correct("JOINED inheritance", Domains.PAYMENTS, Ddl.PAYMENTS),
                correct("UUID id, @Version, STRING and ORDINAL enums, LocalDate, OffsetDateTime, @Lob",
                        Domains.ACCOUNTS, Ddl.ACCOUNTS),
                correct("quoted mixed-case names", Domains.AUTHORS, Ddl.AUTHORS),
                correct("Bean Validation @NotNull over NOT NULL", Domains.NOTES, Ddl.NOTES),
                correct("@OneToOne with unique foreign key", Domains.PROFILES, Ddl.PROFILES),
                correct("@EmbeddedId and a composite foreign key (key columns in another order)", Domains.SHIPMENTS,
                        Ddl.SHIPMENTS),
                correct("unique index for a unique constraint, index under another name", Domains.SHOP,
                        Ddl.SHOP.replace("email varchar(200) not null unique", "email varchar(200) not null")
                                .replace("create index idx_products_sku on products (sku);",
                                        "create index products_by_sku on products (sku);\n"
                                                + "create unique index users_email on users (email);")),
                correct("migration tools' bookkeeping tables", Domains.BLOG, Ddl.BLOG
                        + "create table flyway_schema_history (installed_rank integer not null primary key,"
                        + " version varchar(50));\n"
                        + "create table databasechangelog (id varchar(255) not null, author varchar(255) not null);\n"
                        + "create table databasechangeloglock (id integer not null primary key, locked boolean not null);\n"),
                correct("wider columns than the mapping: bigint for int, longer varchar, more precise numeric",
                        Domains.SHOP, Ddl.SHOP.replace("stock integer not null", "stock bigint not null")
                                .replace("name varchar(100)", "name varchar(400)")
                                .replace("price numeric(10,2)", "price numeric(18,4)")),
                correct("serial and integer ids where the mapping has IDENTITY", Domains.BLOG,
                        Ddl.BLOG.replace("create table posts (id {id},", "create table posts (id {serial},")));
    }

    private static Case correct(String name, List<Class<?>> entities, String ddl) {
        return correct(name, entities, ddl, ALL);
    }

    private static Case correct(String name, List<Class<?>> entities, String ddl, Set<EngineKind> engines) {
        return new Case(name, entities, ddl, engines, null);
    }
}

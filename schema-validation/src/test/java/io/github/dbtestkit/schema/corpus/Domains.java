package io.github.dbtestkit.schema.corpus;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The small mappings the corpus compares against hand-written DDL, one nested class per entity. */
final class Domains {

    private Domains() {
    }

    static final List<Class<?>> BLOG = List.of(Post.class, Comment.class);
    static final List<Class<?>> SHOP = List.of(User.class, Product.class, Order.class);
    static final List<Class<?>> INVOICES = List.of(Invoice.class);
    static final List<Class<?>> TAGGING = List.of(Article.class, Tag.class);
    static final List<Class<?>> PEOPLE = List.of(Person.class);
    static final List<Class<?>> VEHICLES = List.of(Vehicle.class, Car.class);
    static final List<Class<?>> PAYMENTS = List.of(Payment.class, CardPayment.class);
    static final List<Class<?>> ACCOUNTS = List.of(Account.class);
    static final List<Class<?>> AUTHORS = List.of(Author.class);
    static final List<Class<?>> NOTES = List.of(Note.class);
    static final List<Class<?>> PROFILES = List.of(Member.class, Profile.class);
    static final List<Class<?>> SHIPMENTS = List.of(OrderLine.class, Shipment.class);
    static final List<Class<?>> TASKS = List.of(Task.class);
    static final List<Class<?>> LABELS = List.of(Label.class);
    static final List<Class<?>> USER_SETTINGS = List.of(UserSettings.class);
    static final List<Class<?>> TICKETS = List.of(Ticket.class);

    @Entity
    @Table(name = "posts")
    static class Post {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, length = 100) String title;
        String body;
        boolean published;
        @Column(name = "created_at") Instant createdAt;
    }

    @Entity
    @Table(name = "comments")
    static class Comment {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        String body;
        @ManyToOne(optional = false) @JoinColumn(name = "post_id") Post post;
    }

    @Entity
    @Table(name = "users")
    static class User {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false, unique = true, length = 200) String email;
        @Column(length = 100) String name;
    }

    @Entity
    @Table(name = "products", indexes = @Index(name = "idx_products_sku", columnList = "sku"),
            uniqueConstraints = @UniqueConstraint(name = "uk_products_vendor_code", columnNames = {"vendor", "code"}))
    static class Product {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @Column(nullable = false) String name;
        @Column(precision = 10, scale = 2) BigDecimal price;
        int stock;
        String sku;
        String vendor;
        String code;
    }

    @Entity
    @Table(name = "orders")
    static class Order {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
        @ManyToOne(optional = false) @JoinColumn(name = "user_id") User user;
        @ManyToOne @JoinColumn(name = "product_id") Product product;
        int quantity;
    }

    @Entity
    @Table(name = "invoices")
    static class Invoice {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invoices")
        @SequenceGenerator(name = "invoices", sequenceName = "invoice_seq", allocationSize = 50) Long id;
        @Column(nullable = false) String number;
    }

    @Entity
    @Table(name = "articles")
    static class Article {
        @Id Long id;
        @ManyToMany
        @JoinTable(name = "article_tags", joinColumns = @JoinColumn(name = "article_id"),
                inverseJoinColumns = @JoinColumn(name = "tag_id"))
        Set<Tag> tags;
    }

    @Entity
    @Table(name = "tags")
    static class Tag {
        @Id Long id;
        @Column(nullable = false) String name;
    }

    @Embeddable
    static class Address {
        @Column(name = "street", length = 100) String street;
        @Column(name = "city") String city;
    }

    @Entity
    @Table(name = "people")
    static class Person {
        @Id Long id;
        @Embedded Address address;
        @ElementCollection
        @CollectionTable(name = "person_nicknames", joinColumns = @JoinColumn(name = "person_id"))
        @Column(name = "nickname", length = 50) Set<String> nicknames;
    }

    @Entity
    @Table(name = "vehicles")
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "kind")
    static class Vehicle {
        @Id Long id;
        String maker;
    }

    @Entity
    @DiscriminatorValue("CAR")
    static class Car extends Vehicle {
        Integer seats;
    }

    @Entity
    @Table(name = "payments")
    @Inheritance(strategy = InheritanceType.JOINED)
    static class Payment {
        @Id Long id;
        @Column(precision = 12, scale = 2) BigDecimal amount;
    }

    @Entity
    @Table(name = "card_payments")
    static class CardPayment extends Payment {
        @Column(nullable = false, length = 4) String last4;
    }

    enum Status { OPEN, CLOSED }

    enum Tier { FREE, PRO }

    @Entity
    @Table(name = "accounts")
    static class Account {
        @Id UUID id;
        @Version int version;
        @Enumerated(EnumType.STRING) @Column(nullable = false, length = 20) Status status;
        @Enumerated(EnumType.ORDINAL) Tier tier;
        @Column(name = "opened_on") LocalDate openedOn;
        @Column(name = "updated_at") OffsetDateTime updatedAt;
        @Lob String notes;
    }

    @Entity
    @Table(name = "\"BlogAuthors\"")
    static class Author {
        @Id Long id;
        @Column(name = "\"DisplayName\"", nullable = false) String displayName;
    }

    @Entity
    @Table(name = "notes")
    static class Note {
        @Id Long id;
        @jakarta.validation.constraints.NotNull String text;
    }

    @Entity
    @Table(name = "members")
    static class Member {
        @Id Long id;
    }

    @Entity
    @Table(name = "profiles")
    static class Profile {
        @Id Long id;
        @jakarta.persistence.OneToOne(optional = false) @JoinColumn(name = "member_id") Member member;
    }

    @jakarta.persistence.Embeddable
    static class LineId implements java.io.Serializable {
        @Column(name = "order_no") Long orderNo;
        @Column(name = "line_no") Integer lineNo;

        @Override
        public boolean equals(Object o) {
            return o instanceof LineId l && java.util.Objects.equals(orderNo, l.orderNo)
                    && java.util.Objects.equals(lineNo, l.lineNo);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(orderNo, lineNo);
        }
    }

    @Entity
    @Table(name = "order_lines")
    static class OrderLine {
        @jakarta.persistence.EmbeddedId LineId id;
        int quantity;
    }

    @Entity
    @Table(name = "shipments")
    static class Shipment {
        @Id Long id;
        @ManyToOne
        @jakarta.persistence.JoinColumns({
                @JoinColumn(name = "order_no", referencedColumnName = "order_no"),
                @JoinColumn(name = "line_no", referencedColumnName = "line_no")})
        OrderLine line;
    }

    /** A constraint of the user's own, composed of @NotNull: Hibernate's DDL makes its columns NOT NULL too. */
    @jakarta.validation.constraints.NotNull
    @jakarta.validation.Constraint(validatedBy = {})
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target({java.lang.annotation.ElementType.FIELD, java.lang.annotation.ElementType.METHOD})
    @interface Required {
        String message() default "required";

        Class<?>[] groups() default {};

        Class<? extends jakarta.validation.Payload>[] payload() default {};
    }

    /** Field access; Bean Validation constraints on fields, on a getter, composed, and in a group of their own. */
    @Entity
    @Table(name = "tasks")
    static class Task {
        /** A validation group other than Default: Hibernate's DDL ignores its constraints. */
        interface Publishing {
        }

        @Id Long id;
        @jakarta.validation.constraints.NotBlank String title;
        @jakarta.validation.constraints.NotEmpty String code;
        String summary;
        @Required String owner;
        @jakarta.validation.constraints.NotNull(groups = Publishing.class) String note;

        @jakarta.validation.constraints.NotNull
        public String getSummary() {
            return summary;
        }
    }

    /** Property access: the mapping and the constraint both on the getters. */
    @Entity
    @Table(name = "labels")
    @jakarta.persistence.Access(jakarta.persistence.AccessType.PROPERTY)
    static class Label {
        private Long id;
        private String name;

        @Id
        public Long getId() {
            return id;
        }

        public void setId(Long id) {
            this.id = id;
        }

        @jakarta.validation.constraints.NotNull
        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "\"UserSettings\"")
    static class UserSettings {
        @Id Long id;
        @Column(name = "\"Theme\"", length = 40) String theme;
    }

    enum Priority { LOW, MEDIUM, CRITICAL }

    @Entity
    @Table(name = "tickets")
    static class Ticket {
        @Id Long id;
        @Enumerated(EnumType.STRING) Priority priority;
        @Enumerated(EnumType.STRING) @Column(length = 20) Priority escalation;
        @Enumerated(EnumType.ORDINAL) Priority urgency;
    }
}

package io.github.dbtestkit.migrated;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Drifts from migration-fixtures/flyway/shop: maps a phone column no migration creates. */
@Entity
@Table(name = "users")
public class UserWithPhone {
    @Id
    private Integer id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 200)
    private String email;

    @Column(length = 30)
    private String phone;
}

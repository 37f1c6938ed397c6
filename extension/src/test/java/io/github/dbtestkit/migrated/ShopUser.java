package io.github.dbtestkit.migrated;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Matches migration-fixtures/flyway/shop: users(id, name, email). */
@Entity
@Table(name = "users")
public class ShopUser {
    @Id
    private Integer id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(length = 200)
    private String email;
}

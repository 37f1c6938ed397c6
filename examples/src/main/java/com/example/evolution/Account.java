package com.example.evolution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An account as the code knows it today: {@code full_name} arrived with migration V2, which also filled it in for
 * accounts written before ({@code db/evolution}).
 *
 * <pre>{@code
 * em.persist(new Account(1L, "Ada", "Lovelace"));
 * }</pre>
 */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    private Long id;

    @Column(name = "first_name", nullable = false, length = 100)
    private String firstName;

    @Column(name = "last_name", nullable = false, length = 100)
    private String lastName;

    @Column(name = "full_name", length = 201)
    private String fullName;

    protected Account() {
    }

    public Account(Long id, String firstName, String lastName) {
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.fullName = firstName + " " + lastName;
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFullName() {
        return fullName;
    }
}

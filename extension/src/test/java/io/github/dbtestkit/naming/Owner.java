package io.github.dbtestkit.naming;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import java.util.HashSet;
import java.util.Set;

/** A Spring Boot-style entity: no column names, camelCase fields, an embedded value and an element collection. */
@Entity
public class Owner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String firstName;

    private String lastName;

    @Embedded
    private PostalAddress homeAddress;

    @ElementCollection
    private Set<String> nickNames = new HashSet<>();

    protected Owner() {
    }

    public Owner(String firstName, String lastName, PostalAddress homeAddress) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.homeAddress = homeAddress;
    }

    public Long getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public PostalAddress getHomeAddress() {
        return homeAddress;
    }

    public Set<String> getNickNames() {
        return nickNames;
    }
}

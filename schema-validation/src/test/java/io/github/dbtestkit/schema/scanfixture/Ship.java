package io.github.dbtestkit.schema.scanfixture;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity for the package-scan tests. */
@Entity
@Table(name = "ships")
public class Ship {
    @Id Long id;
    String name;
}

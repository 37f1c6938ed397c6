package io.github.dbtestkit.schema.scanfixture.sub;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity in a sub-package, for the package-scan tests. */
@Entity
@Table(name = "crew")
public class Crew {
    @Id Long id;
}

package io.github.dbtestkit.schema.scanfixture;

/** A plain class next to entities: the scan skips it. */
public class NotAnEntity {
}

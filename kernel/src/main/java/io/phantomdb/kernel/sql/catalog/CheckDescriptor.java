package io.phantomdb.kernel.sql.catalog;

/**
 * A CHECK constraint.
 *
 * @param name the constraint name (generated as PostgreSQL does when not given)
 * @param sql the condition as SQL text over the table's columns
 */
public record CheckDescriptor(String name, String sql) {}

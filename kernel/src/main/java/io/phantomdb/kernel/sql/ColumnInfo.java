package io.phantomdb.kernel.sql;

import io.phantomdb.kernel.sql.type.DataType;

/**
 * One column of a statement's result.
 *
 * @param name the column label clients show (an alias, the column name, or PostgreSQL's
 *     {@code ?column?} for an unnamed expression)
 * @param type its type
 */
public record ColumnInfo(String name, DataType type) {}

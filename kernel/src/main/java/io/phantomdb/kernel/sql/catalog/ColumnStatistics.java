package io.phantomdb.kernel.sql.catalog;

/**
 * What ANALYZE found about one column (PostgreSQL's pg_statistic, without histograms).
 *
 * @param columnId the column's id
 * @param nullFraction the fraction of rows where it is NULL
 * @param distinct the number of distinct non-NULL values (an estimate for large tables)
 * @param min the least non-NULL value in PostgreSQL's text form, or null (no values, or a type
 *     without an order worth keeping)
 * @param max the greatest non-NULL value in text form, or null
 */
public record ColumnStatistics(int columnId, double nullFraction, double distinct, String min, String max) {}

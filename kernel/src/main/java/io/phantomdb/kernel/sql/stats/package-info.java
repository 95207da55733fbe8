/**
 * Table statistics: {@code ANALYZE} reads each table at the latest commit and keeps, per table,
 * the row count and, per column, the NULL fraction, the number of distinct values (exact up to
 * {@value io.phantomdb.kernel.sql.stats.DistinctCounter#EXACT_LIMIT} values, then a
 * HyperLogLog estimate) and the least and greatest value, in the catalog ({@link
 * io.phantomdb.kernel.sql.catalog.TableStatistics}); the planner's cost estimates read them.
 */
package io.phantomdb.kernel.sql.stats;

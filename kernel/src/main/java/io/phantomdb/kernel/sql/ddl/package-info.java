/**
 * Our own DDL execution (Calcite's cannot hold constraints): each statement is one catalog change
 * written with its data changes (index backfill, dropped rows) in one storage batch.
 */
package io.phantomdb.kernel.sql.ddl;

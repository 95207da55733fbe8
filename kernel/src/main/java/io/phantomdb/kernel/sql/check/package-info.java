/**
 * {@code phantomdb check}: an offline walk over a whole database that verifies every stored
 * version's checksum, decodes the rows and cross-checks each secondary index against its table
 * ({@link io.phantomdb.kernel.sql.check.DatabaseCheck}).
 */
package io.phantomdb.kernel.sql.check;

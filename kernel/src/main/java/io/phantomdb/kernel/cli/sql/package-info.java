/**
 * The SQL shell behind {@code phantomdb sql}: splitting input into statements ({@link
 * io.phantomdb.kernel.cli.sql.StatementSplitter}), running them ({@link
 * io.phantomdb.kernel.cli.sql.SqlRunner}), printing results as psql does ({@link
 * io.phantomdb.kernel.cli.sql.ResultPrinter}), the interactive prompt ({@link
 * io.phantomdb.kernel.cli.sql.InteractiveShell}) and the embedded SQL engine it runs on ({@link
 * io.phantomdb.kernel.cli.sql.EmbeddedSql}).
 */
package io.phantomdb.kernel.cli.sql;

/**
 * Session settings as PostgreSQL's GUC parameters: the registry of known parameters ({@link
 * io.phantomdb.kernel.sql.session.Parameters}) with their type, default, validation and whether a
 * client is told when they change, each session's values ({@link
 * io.phantomdb.kernel.sql.session.SessionSettings}), the statements {@code SET}, {@code SHOW} and
 * {@code RESET} ({@link io.phantomdb.kernel.sql.session.SettingCommands}), time zone names
 * ({@link io.phantomdb.kernel.sql.session.TimeZones}) and the schema search path ({@link
 * io.phantomdb.kernel.sql.session.SearchPath}).
 */
package io.phantomdb.kernel.sql.session;

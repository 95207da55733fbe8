/**
 * System catalogs: PostgreSQL's {@code pg_catalog} tables ({@code pg_class}, {@code pg_attribute},
 * {@code pg_type}, {@code pg_roles}, ...) and {@code information_schema} views, computed from the
 * catalog snapshot a statement runs against ({@link io.phantomdb.kernel.sql.syscat.SystemTable}),
 * and the functions clients call on them ({@code format_type}, {@code pg_get_indexdef}, {@code
 * regclass}, ...: {@link io.phantomdb.kernel.sql.syscat.PgFunctions}). OIDs are catalog object
 * ids ({@link io.phantomdb.kernel.sql.syscat.CatalogOids}).
 */
package io.phantomdb.kernel.sql.syscat;

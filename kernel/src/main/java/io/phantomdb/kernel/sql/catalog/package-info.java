/**
 * The SQL catalog: databases, schemas, tables (columns, primary key, indexes, checks), views and
 * sequences. Descriptors are immutable records, stored as JSON in the storage keyspace {@code
 * sql_catalog} (one key per object) by {@link io.phantomdb.kernel.sql.catalog.CatalogStore}, and
 * read through an immutable {@link io.phantomdb.kernel.sql.catalog.CatalogSnapshot}. A DDL
 * statement writes its catalog changes and its data changes in one storage batch, so it is
 * atomic.
 */
package io.phantomdb.kernel.sql.catalog;

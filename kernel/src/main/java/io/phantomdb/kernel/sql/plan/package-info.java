/**
 * Planning: Calcite as a library. {@link io.phantomdb.kernel.sql.plan.CatalogSchemas} shows the
 * catalog to Calcite; {@link io.phantomdb.kernel.sql.plan.SqlPlanner} validates a parsed statement
 * and turns it into an optimized logical plan, which {@link
 * io.phantomdb.kernel.sql.plan.PhysicalPlanner} maps onto our operators (no Calcite objects survive
 * into execution), choosing each table's access path by estimated cost ({@code ScanPlanner}).
 */
package io.phantomdb.kernel.sql.plan;

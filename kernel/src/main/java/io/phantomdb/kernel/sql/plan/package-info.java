/**
 * Planning: Calcite as a library. {@link io.phantomdb.kernel.sql.plan.CatalogSchemas} shows the
 * catalog to Calcite; {@link io.phantomdb.kernel.sql.plan.SqlPlanner} validates a parsed statement
 * and turns it into an optimized logical plan, which the executor then maps onto its own operators
 * (no Calcite objects survive into execution).
 */
package io.phantomdb.kernel.sql.plan;

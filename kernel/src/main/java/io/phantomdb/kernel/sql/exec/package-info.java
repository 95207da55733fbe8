/**
 * Execution: a tree of {@link io.phantomdb.kernel.sql.exec.Operator}s pulling {@code Object[]}
 * rows (Volcano style). Operators know nothing of SQL types or Calcite: the physical planner hands
 * them row functions, predicates, comparators and key equivalences built from the statement's
 * typed expressions.
 */
package io.phantomdb.kernel.sql.exec;

/**
 * The built-in consensus provider {@code local}: a replication group of one node. Commands are
 * ordered by a queue and applied by a single committer thread that hands everything waiting to
 * the state machine in one call (group commit: one {@code fsync} for many transactions). It keeps
 * no log: the state machine's storage is the log, and its {@code lastApplied()} is where a
 * reopened group resumes.
 */
package io.phantomdb.kernel.consensus.local;

/**
 * Sequences at run time, as PostgreSQL has them: {@link
 * io.phantomdb.kernel.sql.sequence.SequenceStore} hands out values outside transactions and makes
 * them durable by writing ahead in blocks; {@link io.phantomdb.kernel.sql.sequence.StatementSequences}
 * serves {@code nextval}, {@code currval}, {@code setval} and {@code lastval} to a statement with
 * the session's state ({@link io.phantomdb.kernel.sql.sequence.SessionSequences}); {@link
 * io.phantomdb.kernel.sql.sequence.SequenceParams} applies CREATE / ALTER SEQUENCE options; {@link
 * io.phantomdb.kernel.sql.sequence.SequenceNames} reads names given as text; {@link
 * io.phantomdb.kernel.sql.sequence.SequenceRefs} finds the DEFAULTs that use a sequence; {@link
 * io.phantomdb.kernel.sql.sequence.IdentityRules} applies identity columns' rules to INSERT and
 * UPDATE. The DDL statements are in {@code io.phantomdb.kernel.sql.ddl.SequenceExecutor}.
 */
package io.phantomdb.kernel.sql.sequence;

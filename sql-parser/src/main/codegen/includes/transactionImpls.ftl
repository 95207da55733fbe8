<#--
  PhantomDB grammar: transaction control. BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK,
  SAVEPOINT, RELEASE, and the transaction modes they and SET TRANSACTION take. Parsed only: the
  kernel gives them meaning.
-->

/** Parses BEGIN [WORK | TRANSACTION] [transaction modes]. */
SqlNode PgBegin() :
{
    final Span s;
    final TransactionModes modes;
}
{
    <BEGIN> { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    modes = PgTransactionModes(false)
    { return new SqlBegin(s.end(this), modes); }
}

/** Parses START TRANSACTION [transaction modes]. */
SqlNode PgStartTransaction() :
{
    final Span s;
    final TransactionModes modes;
}
{
    <START> { s = span(); } <TRANSACTION>
    modes = PgTransactionModes(false)
    { return new SqlBegin(s.end(this), modes); }
}

/** Parses transaction modes separated by commas or spaces; {@code required}: at least one. */
TransactionModes PgTransactionModes(boolean required) :
{
    TransactionModes modes = TransactionModes.NONE;
}
{
    (
        modes = PgTransactionMode(modes)
        ( [ <COMMA> ] modes = PgTransactionMode(modes) )*
    |
        {
            if (required) {
                throw generateParseException();
            }
        }
    )
    { return modes; }
}

/** Parses one transaction mode, returning {@code modes} with it set. */
TransactionModes PgTransactionMode(TransactionModes modes) :
{
    final IsolationLevel level;
}
{
    <ISOLATION> <LEVEL>
    (
        <SERIALIZABLE> { level = IsolationLevel.SERIALIZABLE; }
    |
        <REPEATABLE> <READ> { level = IsolationLevel.REPEATABLE_READ; }
    |
        LOOKAHEAD(2)
        <READ> <COMMITTED> { level = IsolationLevel.READ_COMMITTED; }
    |
        <READ> <UNCOMMITTED> { level = IsolationLevel.READ_UNCOMMITTED; }
    )
    { return modes.withIsolationLevel(level); }
|
    LOOKAHEAD(2)
    <READ> <ONLY> { return modes.withReadOnly(true); }
|
    <READ> <WRITE> { return modes.withReadOnly(false); }
|
    <DEFERRABLE> { return modes.withDeferrable(true); }
|
    <NOT> <DEFERRABLE> { return modes.withDeferrable(false); }
}

/** Parses [AND [NO] CHAIN]: true for AND CHAIN. */
boolean PgChainOpt() :
{
    boolean chain = true;
}
{
    <AND> [ <NO> { chain = false; } ] <CHAIN> { return chain; }
|
    { return false; }
}

/** Parses COMMIT [WORK | TRANSACTION] [AND [NO] CHAIN] and END [WORK | TRANSACTION]. */
SqlNode PgCommit() :
{
    final Span s;
    boolean chain = false;
}
{
    (
        <COMMIT> { s = span(); } [ <WORK> | <TRANSACTION> ] chain = PgChainOpt()
    |
        <END> { s = span(); } [ <WORK> | <TRANSACTION> ]
    )
    { return new SqlCommit(s.end(this), chain); }
}

/**
 * Parses ROLLBACK [WORK | TRANSACTION] [AND [NO] CHAIN],
 * ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name and ABORT [WORK | TRANSACTION] [AND [NO] CHAIN].
 */
SqlNode PgRollback() :
{
    final Span s;
    SqlIdentifier savepoint = null;
    boolean chain = false;
}
{
    (
        <ROLLBACK> { s = span(); }
        [ <WORK> | <TRANSACTION> ]
        (
            <TO> [ LOOKAHEAD(2) <SAVEPOINT> ] savepoint = SimpleIdentifier()
        |
            chain = PgChainOpt()
        )
    |
        <ABORT> { s = span(); }
        [ <WORK> | <TRANSACTION> ]
        chain = PgChainOpt()
    )
    { return new SqlRollback(s.end(this), savepoint, chain); }
}

/** Parses SAVEPOINT name. */
SqlNode PgSavepoint() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <SAVEPOINT> { s = span(); } name = SimpleIdentifier() {
        return new SqlSavepoint(s.end(this), name);
    }
}

/** Parses RELEASE [SAVEPOINT] name. */
SqlNode PgReleaseSavepoint() :
{
    final Span s;
    final SqlIdentifier name;
}
{
    <RELEASE> { s = span(); } [ LOOKAHEAD(2) <SAVEPOINT> ] name = SimpleIdentifier() {
        return new SqlReleaseSavepoint(s.end(this), name);
    }
}

<#--
  PhantomDB grammar: session and transaction statements (SET, SHOW, RESET, BEGIN, COMMIT,
  ROLLBACK, SAVEPOINT, ...) and PostgreSQL's EXPLAIN.
-->

/**
 * Parses EXPLAIN [ANALYZE] [VERBOSE] statement, EXPLAIN (option [value] [, ...]) statement,
 * and Calcite's EXPLAIN PLAN ... FOR statement.
 */
SqlNode PgExplain() :
{
    final Span s;
    final Map<String, String> opts = new LinkedHashMap<String, String>();
    SqlNode stmt;
    SqlExplainLevel detailLevel = SqlExplainLevel.EXPPLAN_ATTRIBUTES;
    SqlExplain.Depth depth;
    final SqlExplainFormat format;
}
{
    <EXPLAIN> { s = span(); }
    (
        LOOKAHEAD(1)
        <PLAN>
        [ detailLevel = ExplainDetailLevel() ]
        depth = ExplainDepth()
        (
            LOOKAHEAD(2)
            <AS> <XML> { format = SqlExplainFormat.XML; }
        |
            LOOKAHEAD(2)
            <AS> <JSON> { format = SqlExplainFormat.JSON; }
        |
            <AS> <DOT_FORMAT> { format = SqlExplainFormat.DOT; }
        |
            { format = SqlExplainFormat.TEXT; }
        )
        <FOR> stmt = SqlQueryOrDml() {
            return new SqlExplain(s.end(this), stmt,
                detailLevel.symbol(SqlParserPos.ZERO), depth.symbol(SqlParserPos.ZERO),
                format.symbol(SqlParserPos.ZERO), nDynamicParams);
        }
    |
        LOOKAHEAD(2)
        <LPAREN> PgExplainOption(opts) ( <COMMA> PgExplainOption(opts) )* <RPAREN>
        stmt = PgExplainable() {
            return new SqlPgExplain(s.end(this), opts, stmt);
        }
    |
        [ LOOKAHEAD(1) <ANALYZE> { opts.put("analyze", "true"); } ]
        [ LOOKAHEAD(1) <VERBOSE> { opts.put("verbose", "true"); } ]
        stmt = PgExplainable() {
            return new SqlPgExplain(s.end(this), opts, stmt);
        }
    )
}

/** Parses one EXPLAIN option: name [value]. */
void PgExplainOption(Map<String, String> opts) :
{
    final String name;
    String value = "true";
    final SqlIdentifier id;
}
{
    // ANALYZE, VERBOSE and the other option names are all identifiers here
    id = SimpleIdentifier() { name = id.getSimple().toLowerCase(Locale.ROOT); }
    [
        value = PgOptionWord()
    ]
    { opts.put(name, value); }
}

/** Parses a bare option value (EXPLAIN opts): a word, a boolean, a number or a string. */
String PgOptionWord() :
{
    final SqlIdentifier id;
    final SqlNode literal;
}
{
    <TRUE> { return "true"; }
|
    <FALSE> { return "false"; }
|
    <ON> { return "on"; }
|
    id = SimpleIdentifier() { return id.getSimple().toLowerCase(Locale.ROOT); }
|
    literal = NumericLiteral() { return ((SqlLiteral) literal).toValue(); }
|
    literal = StringLiteral() {
        return ((SqlLiteral) literal).toValue().toLowerCase(Locale.ROOT);
    }
}

/** Parses the statement EXPLAIN explains: a query, INSERT, UPDATE or DELETE. */
SqlNode PgExplainable() :
{
    final SqlNode stmt;
}
{
    (
        stmt = PgInsert()
    |
        stmt = PgUpdate()
    |
        stmt = PgDelete()
    |
        stmt = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    { return stmt; }
}

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
 * Parses ROLLBACK [WORK | TRANSACTION] [AND [NO] CHAIN] and
 * ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name.
 */
SqlNode PgRollback() :
{
    final Span s;
    SqlIdentifier savepoint = null;
    boolean chain = false;
}
{
    <ROLLBACK> { s = span(); }
    [ <WORK> | <TRANSACTION> ]
    (
        <TO> [ LOOKAHEAD(2) <SAVEPOINT> ] savepoint = SimpleIdentifier()
    |
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

/**
 * Parses SET [SESSION | LOCAL] name {TO | =} {value [, ...] | DEFAULT},
 * SET [SESSION | LOCAL] TIME ZONE {value | LOCAL | DEFAULT}, SET TRANSACTION modes and
 * SET SESSION CHARACTERISTICS AS TRANSACTION modes.
 */
SqlNode PgSet() :
{
    final Span s;
    SqlSetVariable.Scope scope = SqlSetVariable.Scope.SESSION;
    final SqlIdentifier name;
    final List<SqlNode> values = new ArrayList<SqlNode>();
    SqlNode v;
    final TransactionModes modes;
}
{
    <SET> { s = span(); }
    (
        LOOKAHEAD(2)
        <SESSION> <CHARACTERISTICS> <AS> <TRANSACTION> modes = PgTransactionModes(true) {
            return new SqlSetTransaction(s.end(this), true, modes);
        }
    |
        LOOKAHEAD(1)
        <TRANSACTION> modes = PgTransactionModes(true) {
            return new SqlSetTransaction(s.end(this), false, modes);
        }
    |
        (
            LOOKAHEAD(1)
            <SESSION>
        |
            <LOCAL> { scope = SqlSetVariable.Scope.LOCAL; }
        |
            { }
        )
        (
            <TIME> { name = new SqlIdentifier("timezone", getPos()); } <ZONE>
            (
                ( <LOCAL> | <DEFAULT_> ) {
                    return new SqlSetVariable(s.end(this), scope, name, null);
                }
            |
                v = PgSetValue() {
                    return new SqlSetVariable(s.end(this), scope, name,
                        new SqlNodeList(Collections.singletonList(v), v.getParserPosition()));
                }
            )
        |
            name = CompoundIdentifier()
            ( <TO> | <EQ> )
            (
                <DEFAULT_> {
                    return new SqlSetVariable(s.end(this), scope, name, null);
                }
            |
                v = PgSetValue() { values.add(v); }
                ( <COMMA> v = PgSetValue() { values.add(v); } )*
                {
                    return new SqlSetVariable(s.end(this), scope, name,
                        new SqlNodeList(values, Span.of(values).pos()));
                }
            )
        )
    )
}

/**
 * Parses one value of SET: a string, a signed number, TRUE, FALSE, ON, an interval literal, or
 * a word (an identifier, including non-reserved keywords).
 */
SqlNode PgSetValue() :
{
    final SqlNode e;
}
{
    (
        e = StringLiteral()
    |
        e = NumericLiteral()
    |
        <TRUE> { e = SqlLiteral.createBoolean(true, getPos()); }
    |
        <FALSE> { e = SqlLiteral.createBoolean(false, getPos()); }
    |
        <ON> { e = new SqlIdentifier("on", getPos()); }
    |
        e = IntervalLiteral()
    |
        e = SimpleIdentifier()
    )
    { return e; }
}

/** The variable name of SHOW / RESET, including PostgreSQL's special spellings. */
SqlIdentifier PgVariableName() :
{
    final SqlIdentifier name;
}
{
    (
        <TIME> <ZONE> { name = new SqlIdentifier("timezone", getPos()); }
    |
        LOOKAHEAD(2)
        <TRANSACTION> <ISOLATION> <LEVEL> {
            name = new SqlIdentifier("transaction_isolation", getPos());
        }
    |
        LOOKAHEAD(2)
        <SESSION> <AUTHORIZATION> {
            name = new SqlIdentifier("session_authorization", getPos());
        }
    |
        name = CompoundIdentifier()
    )
    { return name; }
}

/** Parses SHOW name and SHOW ALL. */
SqlNode PgShow() :
{
    final Span s;
    SqlIdentifier name = null;
}
{
    <SHOW> { s = span(); }
    ( <ALL> | name = PgVariableName() )
    { return new SqlShowVariable(s.end(this), name); }
}

/** Parses RESET name and RESET ALL. */
SqlNode PgReset() :
{
    final Span s;
    SqlIdentifier name = null;
}
{
    <RESET> { s = span(); }
    ( <ALL> | name = PgVariableName() )
    { return new SqlResetVariable(s.end(this), name); }
}

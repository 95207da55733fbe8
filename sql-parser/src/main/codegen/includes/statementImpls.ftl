<#--
  PhantomDB grammar: PostgreSQL's EXPLAIN and ANALYZE, SET / SHOW / RESET, and queries with a locking clause
  (FOR UPDATE). Transaction control is in transactionImpls.ftl.
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
        stmt = PgQuery() // a query, with locking clauses if any
    )
    { return stmt; }
}

/**
 * Parses ANALYZE [VERBOSE] [table [(column [, ...])] [, ...]] and
 * ANALYZE (option [value] [, ...]) [table [(column [, ...])] [, ...]].
 */
SqlNode PgAnalyze() :
{
    final Span s;
    final Map<String, String> opts = new LinkedHashMap<String, String>();
    final List<SqlAnalyze.Target> targets = new ArrayList<SqlAnalyze.Target>();
}
{
    <ANALYZE> { s = span(); }
    (
        LOOKAHEAD(2)
        <LPAREN> PgExplainOption(opts) ( <COMMA> PgExplainOption(opts) )* <RPAREN>
    |
        [ LOOKAHEAD(1) <VERBOSE> { opts.put("verbose", "true"); } ]
    )
    [
        PgAnalyzeTarget(targets)
        ( <COMMA> PgAnalyzeTarget(targets) )*
    ]
    { return new SqlAnalyze(s.end(this), opts, targets); }
}

/**
 * Parses VACUUM [FULL] [FREEZE] [VERBOSE] [ANALYZE] [table [(column [, ...])] [, ...]] and
 * VACUUM (option [value] [, ...]) [table [(column [, ...])] [, ...]].
 */
SqlNode PgVacuum() :
{
    final Span s;
    final Map<String, String> opts = new LinkedHashMap<String, String>();
    final List<SqlAnalyze.Target> targets = new ArrayList<SqlAnalyze.Target>();
}
{
    <VACUUM> { s = span(); }
    (
        LOOKAHEAD(2)
        <LPAREN> PgVacuumOption(opts) ( <COMMA> PgVacuumOption(opts) )* <RPAREN>
    |
        [ <FULL> { opts.put("full", "true"); } ]
        [ LOOKAHEAD(1) <FREEZE> { opts.put("freeze", "true"); } ]
        [ LOOKAHEAD(1) <VERBOSE> { opts.put("verbose", "true"); } ]
        [ LOOKAHEAD(1) <ANALYZE> { opts.put("analyze", "true"); } ]
    )
    [
        PgAnalyzeTarget(targets)
        ( <COMMA> PgAnalyzeTarget(targets) )*
    ]
    { return new SqlVacuum(s.end(this), opts, targets); }
}

/** Parses one VACUUM option: name [value] (FULL, reserved elsewhere, is a name here). */
void PgVacuumOption(Map<String, String> opts) :
{
    final String name;
    String value = "true";
    final SqlIdentifier id;
}
{
    (
        <FULL> { name = "full"; }
    |
        id = SimpleIdentifier() { name = id.getSimple().toLowerCase(Locale.ROOT); }
    )
    [
        value = PgOptionWord()
    ]
    { opts.put(name, value); }
}

/** Parses one table of ANALYZE: name [(column [, ...])]. */
void PgAnalyzeTarget(List<SqlAnalyze.Target> targets) :
{
    final SqlIdentifier table;
    final List<SqlIdentifier> columns = new ArrayList<SqlIdentifier>();
    SqlIdentifier column;
}
{
    table = CompoundIdentifier()
    [
        <LPAREN>
        column = SimpleIdentifier() { columns.add(column); }
        ( <COMMA> column = SimpleIdentifier() { columns.add(column); } )*
        <RPAREN>
    ]
    { targets.add(new SqlAnalyze.Target(table, columns)); }
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

/**
 * Parses a query statement with optional locking clauses:
 * query [FOR {UPDATE | NO KEY UPDATE | SHARE | KEY SHARE} [OF table [, ...]]
 * [NOWAIT | SKIP LOCKED]] [...]. Without a clause it returns the query itself.
 */
SqlNode PgQuery() :
{
    final SqlNode query;
    final List<SqlLockingQuery.Clause> clauses = new ArrayList<SqlLockingQuery.Clause>();
    SqlLockingQuery.Clause clause;
}
{
    (
        // Only what starts a query, so that TRUNCATE t and the like still reach Calcite's
        // productions (a semantic lookahead is also checked while SqlStmt looks ahead).
        LOOKAHEAD({ getToken(1).kind == SELECT || getToken(1).kind == VALUES
            || getToken(1).kind == WITH || getToken(1).kind == TABLE
            || getToken(1).kind == LPAREN })
        query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    |
        LOOKAHEAD({ false }) <ZONE> { query = null; } // never taken; makes the above a choice
    )
    (
        ( clause = PgLockingClause() { clauses.add(clause); } )+
        {
            return new SqlLockingQuery(Span.of(query).end(this), query, clauses);
        }
    |
        { return query; }
    )
}

/** Parses one locking clause: FOR strength [OF table [, ...]] [NOWAIT | SKIP LOCKED]. */
SqlLockingQuery.Clause PgLockingClause() :
{
    SqlLockingQuery.Strength strength;
    SqlNodeList tables = null;
    SqlLockingQuery.WaitPolicy wait = SqlLockingQuery.WaitPolicy.WAIT;
}
{
    (
        <FOR_UPDATE> { strength = SqlLockingQuery.Strength.UPDATE; }
    |
        <FOR_NO_KEY_UPDATE> { strength = SqlLockingQuery.Strength.NO_KEY_UPDATE; }
    |
        <FOR_SHARE> { strength = SqlLockingQuery.Strength.SHARE; }
    |
        <FOR_KEY_SHARE> { strength = SqlLockingQuery.Strength.KEY_SHARE; }
    )
    [ <OF> tables = PgNameList() ]
    [
        <NOWAIT> { wait = SqlLockingQuery.WaitPolicy.NOWAIT; }
    |
        <SKIP_> <LOCKED> { wait = SqlLockingQuery.WaitPolicy.SKIP_LOCKED; }
    ]
    { return new SqlLockingQuery.Clause(strength, tables, wait); }
}

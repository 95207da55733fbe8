<#--
  PhantomDB grammar: CREATE / DROP of indexes, views, databases, schemas and sequences, in
  PostgreSQL's syntax (tables are in tableImpls.ftl).
-->

/** Parses one sequence option into {@code b}. */
void PgSequenceOption(SequenceOptions.Builder b) :
{
    long v;
    Long restart = null;
    SqlDataTypeSpec type;
    SqlIdentifier owner;
}
{
    <AS> type = DataType() { b.type(type); }
|
    <START> [ <WITH> ] v = PgSignedLong() { b.start(v); }
|
    <INCREMENT> [ <BY> ] v = PgSignedLong() { b.increment(v); }
|
    <MINVALUE> v = PgSignedLong() { b.minValue(v); }
|
    <MAXVALUE> v = PgSignedLong() { b.maxValue(v); }
|
    <CACHE> v = PgSignedLong() { b.cache(v); }
|
    <CYCLE> { b.cycle(true); }
|
    <NO>
    (
        <MINVALUE> { b.minValue(null); }
    |
        <MAXVALUE> { b.maxValue(null); }
    |
        <CYCLE> { b.cycle(false); }
    )
|
    <RESTART> [ [ <WITH> ] v = PgSignedLong() { restart = v; } ] { b.restart(restart); }
|
    <OWNED> <BY>
    (
        <NONE> { b.ownedBy(null); }
    |
        owner = CompoundIdentifier() { b.ownedBy(owner); }
    )
}

/**
 * Parses CREATE [UNIQUE] INDEX [IF NOT EXISTS] [name] ON [ONLY] table [USING method]
 * ( item [ASC | DESC] [NULLS FIRST | LAST] [, ...] ) [WHERE predicate].
 */
SqlCreate PgCreateIndex(Span s, boolean replace) :
{
    boolean unique = false;
    final boolean ifNotExists;
    SqlIdentifier name = null;
    final SqlIdentifier table;
    SqlIdentifier method = null;
    final List<SqlNode> items = new ArrayList<SqlNode>();
    final Span is;
    SqlNode where = null;
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX> PgNoReplace(s, replace, "INDEX")
    ifNotExists = PgIfNotExists()
    [ name = CompoundIdentifier() ]
    <ON> [ <ONLY> ] table = CompoundIdentifier()
    [ <USING> method = SimpleIdentifier() ]
    <LPAREN> { is = span(); } OrderItemList(items) <RPAREN>
    [ <WHERE> where = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    {
        return new SqlCreateIndex(s.end(this), unique, ifNotExists, name, table,
            method == null ? null : method.getSimple().toLowerCase(Locale.ROOT),
            new SqlNodeList(items, is.end(this)), where);
    }
}

/** Parses CREATE [OR REPLACE] VIEW name [(columns)] AS query. */
SqlCreate PgCreateView(Span s, boolean replace) :
{
    final SqlIdentifier name;
    SqlNodeList columns = null;
    final SqlNode query;
}
{
    <VIEW> name = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), replace, name, columns, query);
    }
}

/** Parses CREATE DATABASE name. */
SqlCreate PgCreateDatabase(Span s, boolean replace) :
{
    final SqlIdentifier name;
}
{
    <DATABASE> PgNoReplace(s, replace, "DATABASE")
    name = SimpleIdentifier()
    {
        return new SqlCreateDatabase(s.end(this), name);
    }
}

/** Parses CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role]. */
SqlCreate PgCreateSchema(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlIdentifier role = null;
}
{
    <SCHEMA> PgNoReplace(s, replace, "SCHEMA")
    ifNotExists = PgIfNotExists()
    name = SimpleIdentifier()
    [ <AUTHORIZATION> role = SimpleIdentifier() ]
    {
        return new SqlCreateSchema(s.end(this), ifNotExists, name, role);
    }
}

/** Parses CREATE SEQUENCE [IF NOT EXISTS] name [option ...]. */
SqlCreate PgCreateSequence(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SequenceOptions.Builder opts = new SequenceOptions.Builder();
}
{
    <SEQUENCE> PgNoReplace(s, replace, "SEQUENCE")
    ifNotExists = PgIfNotExists()
    name = CompoundIdentifier()
    ( PgSequenceOption(opts) )*
    {
        return new SqlCreateSequence(s.end(this), ifNotExists, name, opts.build());
    }
}

/** Parses ALTER SEQUENCE [IF EXISTS] name option [...] (options as CREATE SEQUENCE's, RESTART too). */
SqlNode PgAlterSequence() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    SequenceOptions.Builder opts = new SequenceOptions.Builder();
}
{
    <ALTER> { s = span(); } <SEQUENCE>
    ifExists = PgIfExists()
    name = CompoundIdentifier()
    ( PgSequenceOption(opts) )+
    {
        return new SqlAlterSequence(s.end(this), ifExists, name, opts.build());
    }
}

/** Parses DROP INDEX [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop PgDropIndex(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
    final DropBehavior behavior;
}
{
    <INDEX> ifExists = PgIfExists() names = PgNameList() behavior = PgDropBehavior() {
        return new SqlDropIndex(s.end(this), ifExists, names, behavior);
    }
}

/** Parses ALTER INDEX [IF EXISTS] name RENAME TO new_name. */
SqlNode PgAlterIndex() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    final SqlIdentifier newName;
}
{
    <ALTER> { s = span(); } <INDEX>
    ifExists = PgIfExists()
    name = CompoundIdentifier()
    <RENAME> <TO> newName = SimpleIdentifier() {
        return new SqlAlterIndex(s.end(this), ifExists, name, newName);
    }
}

/** Parses DROP VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop PgDropView(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
    final DropBehavior behavior;
}
{
    <VIEW> ifExists = PgIfExists() names = PgNameList() behavior = PgDropBehavior() {
        return new SqlDropView(s.end(this), ifExists, names, behavior);
    }
}

/** Parses DROP SEQUENCE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop PgDropSequence(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
    final DropBehavior behavior;
}
{
    <SEQUENCE> ifExists = PgIfExists() names = PgNameList() behavior = PgDropBehavior() {
        return new SqlDropSequence(s.end(this), ifExists, names, behavior);
    }
}

/** Parses DROP SCHEMA [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop PgDropSchema(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
    final DropBehavior behavior;
}
{
    <SCHEMA> ifExists = PgIfExists() names = PgNameList() behavior = PgDropBehavior() {
        return new SqlDropSchema(s.end(this), ifExists, names, behavior);
    }
}

/** Parses DROP DATABASE [IF EXISTS] name. */
SqlDrop PgDropDatabase(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlIdentifier name;
}
{
    <DATABASE> ifExists = PgIfExists() name = SimpleIdentifier() {
        return new SqlDropDatabase(s.end(this), ifExists,
            new SqlNodeList(Collections.singletonList(name), name.getParserPosition()), null);
    }
}

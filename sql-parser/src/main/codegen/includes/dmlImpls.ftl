<#--
  PhantomDB grammar: INSERT / UPDATE / DELETE with PostgreSQL's clauses. Each returns Calcite's
  own node when no PostgreSQL clause is written, and wraps it otherwise.
-->

/**
 * Parses INSERT INTO table [AS alias] [(columns)] [OVERRIDING {SYSTEM | USER} VALUE]
 * {query | DEFAULT VALUES} [ON CONFLICT ...] [RETURNING ...].
 */
SqlNode PgInsert() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    SqlNodeList columns = null;
    SqlNode source;
    boolean defaultValues = false;
    SqlOnConflict onConflict = null;
    SqlNodeList returning = null;
    final SqlNodeList keywords;
    SqlPgOverridingInsert.Overriding overriding = null;
}
{
    <INSERT> { s = span(); keywords = new SqlNodeList(getPos()); }
    <INTO> table = CompoundTableIdentifier()
    [ <AS> alias = SimpleIdentifier() ]
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    [
        LOOKAHEAD(2) <OVERRIDING>
        ( <SYSTEM> { overriding = SqlPgOverridingInsert.Overriding.SYSTEM_VALUE; }
        | <USER> { overriding = SqlPgOverridingInsert.Overriding.USER_VALUE; } )
        <VALUE>
    ]
    (
        <DEFAULT_> <VALUES> {
            defaultValues = true;
            source = SqlStdOperatorTable.VALUES.createCall(s.end(this),
                SqlStdOperatorTable.ROW.createCall(s.end(this)));
        }
    |
        source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    [ onConflict = PgOnConflict() ]
    [ returning = PgReturning() ]
    {
        final SqlInsert insert = overriding == null
            ? new SqlInsert(s.end(this), keywords, table, source, columns)
            : new SqlPgOverridingInsert(s.end(this), keywords, table, source, columns, overriding);
        if (alias == null && !defaultValues && onConflict == null && returning == null) {
            return insert;
        }
        return new SqlPgInsert(s.end(this), insert, alias, defaultValues, onConflict,
            returning);
    }
}

/**
 * Parses ON CONFLICT [(columns) [WHERE index_predicate] | ON CONSTRAINT name]
 * {DO NOTHING | DO UPDATE SET column = value [, ...] [WHERE condition]}.
 */
SqlOnConflict PgOnConflict() :
{
    final Span s;
    SqlNodeList columns = null;
    SqlIdentifier constraint = null;
    SqlNode indexPredicate = null;
    final SqlNodeList targets;
    final SqlNodeList values;
    SqlNode where = null;
}
{
    <ON> { s = span(); } <CONFLICT>
    [
        columns = ParenthesizedSimpleIdentifierList()
        [ <WHERE> indexPredicate = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
    |
        <ON> <CONSTRAINT> constraint = SimpleIdentifier()
    ]
    <DO>
    (
        <NOTHING> {
            return new SqlOnConflict(s.end(this), columns, indexPredicate, constraint, true, null,
                null, null);
        }
    |
        <UPDATE> {
            if (columns == null && constraint == null) {
                throw PhantomParserSupport.error(s.end(this),
                    "ON CONFLICT DO UPDATE requires inference specification or constraint name");
            }
            targets = new SqlNodeList(getPos());
            values = new SqlNodeList(getPos());
        }
        <SET> PgAssignment(targets, values)
        ( <COMMA> PgAssignment(targets, values) )*
        [ <WHERE> where = Expression(ExprContext.ACCEPT_SUB_QUERY) ]
        {
            return new SqlOnConflict(s.end(this), columns, indexPredicate, constraint, false,
                targets, values, where);
        }
    )
}

/** Parses column = expression or column = DEFAULT, into two parallel lists. */
void PgAssignment(SqlNodeList targets, SqlNodeList values) :
{
    final SqlIdentifier column;
    final SqlNode value;
}
{
    column = CompoundIdentifier() <EQ>
    (
        value = Default()
    |
        value = Expression(ExprContext.ACCEPT_SUB_QUERY)
    )
    {
        targets.add(column);
        values.add(value);
    }
}

/** Parses RETURNING item [, ...], items as in a select list. */
SqlNodeList PgReturning() :
{
    final Span s;
    final List<SqlNode> items = new ArrayList<SqlNode>();
}
{
    <RETURNING> { s = span(); }
    AddSelectItem(items)
    ( <COMMA> AddSelectItem(items) )*
    {
        return new SqlNodeList(items, s.end(this));
    }
}

/**
 * Parses UPDATE [ONLY] table [[AS] alias] SET column = value [, ...] [FROM from-list]
 * [WHERE condition] [RETURNING ...].
 */
SqlNode PgUpdate() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    final SqlNodeList targets;
    final SqlNodeList values;
    SqlNode from = null;
    SqlNode where = null;
    SqlNodeList returning = null;
}
{
    <UPDATE> {
        s = span();
        targets = new SqlNodeList(getPos());
        values = new SqlNodeList(getPos());
    }
    [ <ONLY> ]
    table = CompoundTableIdentifier()
    [ [ <AS> ] alias = SimpleIdentifier() ]
    <SET> PgAssignment(targets, values)
    ( <COMMA> PgAssignment(targets, values) )*
    [ <FROM> from = FromClause() ]
    [ where = Where() ]
    [ returning = PgReturning() ]
    {
        final SqlUpdate update = new SqlUpdate(s.end(this), table, targets, values, where, null,
            alias);
        if (from == null && returning == null) {
            return update;
        }
        return new SqlPgUpdate(s.end(this), update, from, returning);
    }
}

/**
 * Parses DELETE FROM [ONLY] table [[AS] alias] [USING from-list] [WHERE condition]
 * [RETURNING ...].
 */
SqlNode PgDelete() :
{
    final Span s;
    final SqlIdentifier table;
    SqlIdentifier alias = null;
    SqlNode using = null;
    SqlNode where = null;
    SqlNodeList returning = null;
}
{
    <DELETE> { s = span(); } <FROM>
    [ <ONLY> ]
    table = CompoundTableIdentifier()
    [ [ <AS> ] alias = SimpleIdentifier() ]
    [ <USING> using = FromClause() ]
    [ where = Where() ]
    [ returning = PgReturning() ]
    {
        final SqlDelete delete = new SqlDelete(s.end(this), table, where, null, alias);
        if (using == null && returning == null) {
            return delete;
        }
        return new SqlPgDelete(s.end(this), delete, using, returning);
    }
}

<#--
  PhantomDB grammar: tables. CREATE TABLE (columns, constraints, CREATE TABLE AS), ALTER TABLE,
  TRUNCATE and DROP TABLE, in PostgreSQL's syntax.
-->
/**
 * Parses CREATE [TEMP | TEMPORARY] TABLE [IF NOT EXISTS] name ( element [, ...] ) or
 * CREATE [TEMP | TEMPORARY] TABLE [IF NOT EXISTS] name AS query.
 */
SqlCreate PgCreateTable(Span s, boolean replace) :
{
    boolean temporary = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final List<SqlNode> elements = new ArrayList<SqlNode>();
    final Span es;
    SqlNode query = null;
}
{
    [ ( <TEMP> | <TEMPORARY> ) { temporary = true; } ]
    <TABLE> PgNoReplace(s, replace, "TABLE")
    ifNotExists = PgIfNotExists()
    name = CompoundIdentifier()
    (
        <LPAREN> { es = span(); }
        [
            PgTableElement(elements)
            ( <COMMA> PgTableElement(elements) )*
        ]
        <RPAREN> {
            return new SqlCreateTable(s.end(this), temporary, ifNotExists, name,
                new SqlNodeList(elements, es.end(this)), null);
        }
    |
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY) {
            return new SqlCreateTable(s.end(this), temporary, ifNotExists, name, null, query);
        }
    )
}

/** Parses a column definition or a table constraint. */
void PgTableElement(List<SqlNode> list) :
{
    final SqlNode e;
}
{
    (
        e = PgTableConstraint()
    |
        e = PgColumnDeclaration()
    )
    { list.add(e); }
}

/** Parses name type [column constraint ...]. */
SqlColumnDeclaration PgColumnDeclaration() :
{
    final SqlIdentifier name;
    final SqlDataTypeSpec type;
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    SqlNode c;
}
{
    name = SimpleIdentifier()
    type = PgColumnType()
    ( c = PgColumnConstraint() { constraints.add(c); } )*
    {
        return new SqlColumnDeclaration(Span.of(name).end(this), name, type,
            new SqlNodeList(constraints, Span.of(name).end(this)));
    }
}

/** Parses one column constraint. */
SqlColumnConstraint PgColumnConstraint() :
{
    final Span s = Span.of();
    SqlIdentifier name = null;
    SqlNode e;
    boolean always = false;
    SequenceOptions.Builder opts = new SequenceOptions.Builder();
    final SqlReferences refs;
}
{
    [ <CONSTRAINT> { s.add(this); } name = SimpleIdentifier() ]
    (
        <NOT> { s.add(this); } <NULL> {
            return SqlColumnConstraint.of(s.end(this), name, SqlColumnConstraint.Kind.NOT_NULL);
        }
    |
        <NULL> {
            return SqlColumnConstraint.of(s.add(this).pos(), name,
                SqlColumnConstraint.Kind.NULL);
        }
    |
        <DEFAULT_> { s.add(this); }
        e = Expression(ExprContext.ACCEPT_NON_QUERY) {
            return SqlColumnConstraint.withExpression(s.end(this), name,
                SqlColumnConstraint.Kind.DEFAULT, e);
        }
    |
        <PRIMARY> { s.add(this); } <KEY> {
            return SqlColumnConstraint.of(s.end(this), name,
                SqlColumnConstraint.Kind.PRIMARY_KEY);
        }
    |
        <UNIQUE> {
            return SqlColumnConstraint.of(s.add(this).pos(), name,
                SqlColumnConstraint.Kind.UNIQUE);
        }
    |
        <CHECK> { s.add(this); }
        <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
            return SqlColumnConstraint.withExpression(s.end(this), name,
                SqlColumnConstraint.Kind.CHECK, e);
        }
    |
        <GENERATED> { s.add(this); }
        ( <ALWAYS> { always = true; } | <BY> <DEFAULT_> )
        <AS> <IDENTITY>
        [
            <LPAREN>
            ( PgSequenceOption(opts) )+
            <RPAREN>
        ]
        {
            return SqlColumnConstraint.identity(s.end(this), name, always, opts.build());
        }
    |
        refs = PgReferences() {
            return SqlColumnConstraint.references(s.add(refs).pos(), name, refs);
        }
    )
}

/** Parses one table constraint. */
SqlTableConstraint PgTableConstraint() :
{
    final Span s = Span.of();
    SqlIdentifier name = null;
    final SqlNodeList columns;
    final SqlNode e;
    final SqlReferences refs;
}
{
    [ <CONSTRAINT> { s.add(this); } name = SimpleIdentifier() ]
    (
        <PRIMARY> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList() {
            return new SqlTableConstraint(s.end(this), name,
                SqlTableConstraint.Kind.PRIMARY_KEY, columns, null, null);
        }
    |
        <UNIQUE> { s.add(this); } columns = ParenthesizedSimpleIdentifierList() {
            return new SqlTableConstraint(s.end(this), name, SqlTableConstraint.Kind.UNIQUE,
                columns, null, null);
        }
    |
        <CHECK> { s.add(this); }
        <LPAREN> e = Expression(ExprContext.ACCEPT_SUB_QUERY) <RPAREN> {
            return new SqlTableConstraint(s.end(this), name, SqlTableConstraint.Kind.CHECK,
                null, e, null);
        }
    |
        <FOREIGN> { s.add(this); } <KEY> columns = ParenthesizedSimpleIdentifierList()
        refs = PgReferences() {
            return new SqlTableConstraint(s.end(this), name,
                SqlTableConstraint.Kind.FOREIGN_KEY, columns, null, refs);
        }
    )
}

/** Parses REFERENCES table [(columns)] [ON DELETE action] [ON UPDATE action]. */
SqlReferences PgReferences() :
{
    final Span s;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    ReferentialAction onDelete = null;
    ReferentialAction onUpdate = null;
}
{
    <REFERENCES> { s = span(); }
    table = CompoundIdentifier()
    [ columns = ParenthesizedSimpleIdentifierList() ]
    (
        LOOKAHEAD(2)
        <ON> <DELETE> onDelete = PgReferentialAction()
    |
        LOOKAHEAD(2)
        <ON> <UPDATE> onUpdate = PgReferentialAction()
    )*
    {
        return new SqlReferences(s.end(this), table, columns, onDelete, onUpdate);
    }
}

ReferentialAction PgReferentialAction() :
{
}
{
    <CASCADE> { return ReferentialAction.CASCADE; }
|
    <RESTRICT> { return ReferentialAction.RESTRICT; }
|
    <NO> <ACTION> { return ReferentialAction.NO_ACTION; }
|
    LOOKAHEAD(2)
    <SET> <NULL> { return ReferentialAction.SET_NULL; }
|
    <SET> <DEFAULT_> { return ReferentialAction.SET_DEFAULT; }
}

/** Parses DROP TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]. */
SqlDrop PgDropTable(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
    final DropBehavior behavior;
}
{
    <TABLE> ifExists = PgIfExists() names = PgNameList() behavior = PgDropBehavior() {
        return new SqlDropTable(s.end(this), ifExists, names, behavior);
    }
}

/**
 * Parses TRUNCATE [TABLE] [ONLY] name [, ...] [RESTART IDENTITY | CONTINUE IDENTITY]
 * [CASCADE | RESTRICT].
 */
SqlTruncate PgTruncate(Span s) :
{
    final SqlNodeList names;
    Boolean restart = null;
    final DropBehavior behavior;
}
{
    [ <TABLE> ] [ <ONLY> ]
    names = PgNameList()
    [
        <RESTART> <IDENTITY> { restart = Boolean.TRUE; }
    |
        <CONTINUE> <IDENTITY> { restart = Boolean.FALSE; }
    ]
    behavior = PgDropBehavior()
    {
        return new SqlTruncateTable(s.end(this), names, restart, behavior);
    }
}

/**
 * Parses ALTER TABLE [IF EXISTS] [ONLY] name followed by RENAME TO new, or
 * RENAME CONSTRAINT a TO b, or RENAME [COLUMN] a TO b, or action [, ...].
 */
SqlNode PgAlterTable() :
{
    final Span s;
    final boolean ifExists;
    final SqlIdentifier name;
    final List<SqlNode> actions = new ArrayList<SqlNode>();
    final Span as;
    SqlIdentifier a;
    SqlIdentifier b;
}
{
    <ALTER> { s = span(); } <TABLE>
    ifExists = PgIfExists()
    [ <ONLY> ]
    name = CompoundIdentifier()
    { as = span(); }
    (
        <RENAME>
        (
            <TO> b = SimpleIdentifier() {
                actions.add(new SqlRenameTable(as.end(this), b));
            }
        |
            <CONSTRAINT> a = SimpleIdentifier() <TO> b = SimpleIdentifier() {
                actions.add(new SqlRenameConstraint(as.end(this), a, b));
            }
        |
            [ <COLUMN> ] a = SimpleIdentifier() <TO> b = SimpleIdentifier() {
                actions.add(new SqlRenameColumn(as.end(this), a, b));
            }
        )
    |
        PgAlterTableAction(actions)
        ( <COMMA> PgAlterTableAction(actions) )*
    )
    {
        return new SqlAlterTable(s.end(this), ifExists, name,
            new SqlNodeList(actions, as.end(this)));
    }
}

/** Parses one ADD / DROP / ALTER action of ALTER TABLE. */
void PgAlterTableAction(List<SqlNode> list) :
{
    final Span s;
    final boolean ifNotExists;
    final boolean ifExists;
    final SqlIdentifier name;
    final SqlColumnDeclaration column;
    final SqlTableConstraint constraint;
    final DropBehavior behavior;
    final SqlDataTypeSpec type;
    SqlNode e = null;
}
{
    <ADD> { s = span(); }
    (
        constraint = PgTableConstraint() {
            list.add(new SqlAddConstraint(s.end(this), constraint));
        }
    |
        [ <COLUMN> ] ifNotExists = PgIfNotExists() column = PgColumnDeclaration() {
            list.add(new SqlAddColumn(s.end(this), ifNotExists, column));
        }
    )
|
    <DROP> { s = span(); }
    (
        <CONSTRAINT> ifExists = PgIfExists() name = SimpleIdentifier()
        behavior = PgDropBehavior() {
            list.add(new SqlDropConstraint(s.end(this), ifExists, name, behavior));
        }
    |
        [ <COLUMN> ] ifExists = PgIfExists() name = SimpleIdentifier()
        behavior = PgDropBehavior() {
            list.add(new SqlDropColumn(s.end(this), ifExists, name, behavior));
        }
    )
|
    <ALTER> { s = span(); } [ <COLUMN> ] name = SimpleIdentifier()
    (
        <SET>
        (
            <DEFAULT_> e = Expression(ExprContext.ACCEPT_NON_QUERY) {
                list.add(new SqlAlterColumn(s.end(this), name, SqlAlterColumn.Kind.SET_DEFAULT,
                    e, null));
            }
        |
            <NOT> <NULL> {
                list.add(new SqlAlterColumn(s.end(this), name,
                    SqlAlterColumn.Kind.SET_NOT_NULL, null, null));
            }
        |
            <DATA> <TYPE> type = PgColumnType()
            [ <USING> e = Expression(ExprContext.ACCEPT_NON_QUERY) ] {
                list.add(new SqlAlterColumn(s.end(this), name, SqlAlterColumn.Kind.SET_TYPE, e,
                    type));
            }
        )
    |
        <DROP>
        (
            <DEFAULT_> {
                list.add(new SqlAlterColumn(s.end(this), name,
                    SqlAlterColumn.Kind.DROP_DEFAULT, null, null));
            }
        |
            <NOT> <NULL> {
                list.add(new SqlAlterColumn(s.end(this), name,
                    SqlAlterColumn.Kind.DROP_NOT_NULL, null, null));
            }
        )
    |
        <TYPE> type = PgColumnType()
        [ <USING> e = Expression(ExprContext.ACCEPT_NON_QUERY) ] {
            list.add(new SqlAlterColumn(s.end(this), name, SqlAlterColumn.Kind.SET_TYPE, e,
                type));
        }
    )
}

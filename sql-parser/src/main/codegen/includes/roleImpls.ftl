<#--
  Role statements: CREATE ROLE | USER, ALTER ROLE | USER, DROP ROLE | USER. Options are a flat
  list of words and literals (SqlRoleOptions), read by the kernel as PostgreSQL does.
-->

/** Parses the option words and values of CREATE / ALTER ROLE. */
SqlNodeList PgRoleOptions() :
{
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlNode n;
    final Span s;
}
{
    { s = span(); }
    [ <WITH> ]
    (
        n = SimpleIdentifier() { list.add(n); }
    |   n = StringLiteral() { list.add(n); }
    |   n = UnsignedNumericLiteral() { list.add(n); }
    |   <MINUS> n = UnsignedNumericLiteral() {
            list.add(SqlLiteral.createNegative((SqlNumericLiteral) n, getPos()));
        }
    |   <NULL> { list.add(SqlLiteral.createNull(getPos())); }
    |   <LIMIT> { list.add(new SqlIdentifier("limit", getPos())); }
    |   <IN> { list.add(new SqlIdentifier("in", getPos())); }
    |   <USER> { list.add(new SqlIdentifier("user", getPos())); }
    )*
    { return new SqlNodeList(list, s.end(this)); }
}

/** Parses CREATE ROLE | USER name [[WITH] option ...]. */
SqlCreate PgCreateRole(Span s, boolean replace) :
{
    final boolean user;
    final SqlIdentifier name;
    final SqlNodeList opts;
}
{
    ( <ROLE> { user = false; } | <USER> { user = true; } )
    PgNoReplace(s, replace, user ? "USER" : "ROLE")
    name = SimpleIdentifier()
    opts = PgRoleOptions()
    {
        return new SqlCreateRole(s.end(this), user, name, opts);
    }
}

/** Parses ALTER ROLE | USER name [WITH] option ... | RENAME TO new_name. */
SqlNode PgAlterRole() :
{
    final Span s;
    final SqlIdentifier name;
    SqlNodeList opts = SqlNodeList.EMPTY;
    SqlIdentifier newName = null;
}
{
    <ALTER> { s = span(); } ( <ROLE> | <USER> )
    name = SimpleIdentifier()
    (
        <RENAME> <TO> newName = SimpleIdentifier()
    |   opts = PgRoleOptions()
    )
    {
        return new SqlAlterRole(s.end(this), name, opts, newName);
    }
}

/** Parses DROP ROLE | USER [IF EXISTS] name [, ...]. */
SqlDrop PgDropRole(Span s, boolean replace) :
{
    final boolean ifExists;
    final SqlNodeList names;
}
{
    ( <ROLE> | <USER> ) ifExists = PgIfExists() names = PgNameList() {
        return new SqlDropRole(s.end(this), ifExists, names);
    }
}

<#--
  PhantomDB grammar: productions shared by the statement files, PostgreSQL type names and the
  :: cast. Included into Calcite's Parser.jj by FMPP (see ../config.fmpp).
-->

/** Parses an optional IF NOT EXISTS. */
boolean PgIfNotExists() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses an optional IF EXISTS. */
boolean PgIfExists() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** Parses an optional CASCADE | RESTRICT; null if neither. */
DropBehavior PgDropBehavior() :
{
}
{
    <CASCADE> { return DropBehavior.CASCADE; }
|
    <RESTRICT> { return DropBehavior.RESTRICT; }
|
    { return null; }
}

/** Rejects CREATE OR REPLACE for objects PostgreSQL cannot replace. */
void PgNoReplace(Span s, boolean replace, String what) :
{
}
{
    {
        if (replace) {
            throw PhantomParserSupport.error(s.end(this),
                "CREATE OR REPLACE is not supported for " + what);
        }
    }
}

/** Parses name [, name]* of possibly qualified names. */
SqlNodeList PgNameList() :
{
    final List<SqlNode> list = new ArrayList<SqlNode>();
    SqlIdentifier id;
}
{
    id = CompoundIdentifier() { list.add(id); }
    ( <COMMA> id = CompoundIdentifier() { list.add(id); } )*
    { return new SqlNodeList(list, Span.of(list).pos()); }
}

/** Parses a (possibly negative) integer of a sequence option. */
long PgSignedLong() :
{
    boolean negative = false;
}
{
    [ <MINUS> { negative = true; } | <PLUS> ]
    <UNSIGNED_INTEGER_LITERAL> {
        return PhantomParserSupport.parseLong(token.image, negative, getPos());
    }
}

/**
 * Parses a PostgreSQL type name Calcite's grammar lacks, or spells differently: int2, int4,
 * int8, float4, float8, float(p), bool, bytea, text, timestamptz, and timestamp with / without
 * time zone (with time zone is an instant, as PostgreSQL's timestamptz: Calcite's TIMESTAMP WITH
 * LOCAL TIME ZONE). Tried before Calcite's own type names.
 */
SqlTypeNameSpec PgTypeName() :
{
    final Span s;
    final SqlTypeName typeName;
    int precision = -1;
}
{
    (
        <INT2> { typeName = SqlTypeName.SMALLINT; }
    |   <INT4> { typeName = SqlTypeName.INTEGER; }
    |   <INT8> { typeName = SqlTypeName.BIGINT; }
    |   <FLOAT4> { typeName = SqlTypeName.REAL; }
    |   <FLOAT8> { typeName = SqlTypeName.DOUBLE; }
    |   <BOOL> { typeName = SqlTypeName.BOOLEAN; }
    |   <BYTEA> { typeName = SqlTypeName.VARBINARY; }
    )
    {
        return new SqlBasicTypeNameSpec(typeName, getPos());
    }
|
    <FLOAT> { s = span(); }
    [ <LPAREN> precision = UnsignedIntLiteral() <RPAREN> ]
    {
        // PostgreSQL: float(1..24) is real, float and float(25..53) are double precision
        return new SqlBasicTypeNameSpec(
            precision >= 1 && precision <= 24 ? SqlTypeName.REAL : SqlTypeName.DOUBLE,
            s.end(this));
    }
|
    <TEXT> { return new PgTypeNameSpec(PgTypeName.TEXT, getPos()); }
|
    <TIMESTAMPTZ> { s = span(); }
    precision = PrecisionOpt()
    {
        return new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, precision,
            s.end(this));
    }
|
    <TIMESTAMP> { s = span(); }
    precision = PrecisionOpt()
    (
        LOOKAHEAD(3)
        <WITHOUT> <TIME> <ZONE> { typeName = SqlTypeName.TIMESTAMP; }
    |
        <WITH> [ <LOCAL> ] <TIME> <ZONE> {
            typeName = SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
        }
    |
        { typeName = SqlTypeName.TIMESTAMP; }
    )
    {
        return new SqlBasicTypeNameSpec(typeName, precision, s.end(this));
    }
}

/**
 * Parses the type of a column: any data type, plus what PostgreSQL allows only there: serial,
 * bigserial, smallserial (serial4, serial8, serial2) and interval [fields].
 */
SqlDataTypeSpec PgColumnType() :
{
    final Span s;
    final PgTypeName type;
    SqlIntervalQualifier fields = null;
    SqlDataTypeSpec dt;
}
{
    LOOKAHEAD(1)
    (
        ( <SERIAL> | <SERIAL4> ) { type = PgTypeName.SERIAL; }
    |   ( <BIGSERIAL> | <SERIAL8> ) { type = PgTypeName.BIGSERIAL; }
    |   ( <SMALLSERIAL> | <SERIAL2> ) { type = PgTypeName.SMALLSERIAL; }
    )
    {
        return new SqlDataTypeSpec(new PgTypeNameSpec(type, getPos()), getPos());
    }
|
    <INTERVAL> { s = span(); }
    [ fields = IntervalQualifier() ]
    {
        return new SqlDataTypeSpec(
            new PgTypeNameSpec(PgTypeName.INTERVAL, fields, s.end(this)), s.end(this));
    }
|
    dt = DataType()
    [ <LBRACKET> <RBRACKET> { dt = PhantomParserSupport.arrayOf(dt, getPos()); } ]
    { return dt; }
}

/**
 * Parses the PostgreSQL cast {@code expr::type} (or {@code expr::type[]}, an array of it) as an
 * infix operator that binds tighter than every other (see PhantomParserSupport.castLast). {@code ::interval} with or without fields
 * casts as Calcite's CAST(expr AS INTERVAL ...) does.
 */
void PgInfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlDataTypeSpec dt;
    final SqlIntervalQualifier fields;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    (
        LOOKAHEAD(2)
        <INTERVAL> fields = IntervalQualifier() {
            PhantomParserSupport.castLast(list, fields);
        }
    |
        <INTERVAL> fields = IntervalWithoutQualifier() {
            PhantomParserSupport.castLast(list, fields);
        }
    |
        dt = DataType()
        [ <LBRACKET> <RBRACKET> { dt = PhantomParserSupport.arrayOf(dt, getPos()); } ]
        {
            PhantomParserSupport.castLast(list, dt);
        }
    )
}

/**
 * Parses current_schema(): the same node as the bare current_schema (a context variable, which
 * Calcite's grammar allows only without parentheses).
 */
SqlNode PgCurrentSchemaCall() :
{
    final SqlIdentifier id;
}
{
    <CURRENT_SCHEMA> { id = new SqlIdentifier(unquotedIdentifier(), getPos()); }
    <LPAREN> <RPAREN>
    { return id; }
}

/**
 * Parses TIMESTAMPTZ 'text', PostgreSQL's typed literal for timestamptz (Calcite knows
 * TIMESTAMP 'text' but not this one): the same node as CAST('text' AS TIMESTAMPTZ).
 */
SqlNode PgTimestamptzLiteral() :
{
    final Span s;
    final SqlNode text;
}
{
    <TIMESTAMPTZ> { s = span(); }
    text = StringLiteral()
    {
        return SqlStdOperatorTable.CAST.createCall(s.end(this), text,
            new SqlDataTypeSpec(
                new SqlBasicTypeNameSpec(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, s.pos()),
                s.pos()));
    }
}

/**
 * Parses OPERATOR(schema.op) right_operand, PostgreSQL's qualified operator (psql writes
 * OPERATOR(pg_catalog.~)): the comparison and regular expression operators.
 */
void PgQualifiedOperator(List<Object> list, ExprContext exprContext, Span s) :
{
    SqlOperator op;
}
{
    <OPERATOR> { checkNonQueryExpression(exprContext); } <LPAREN>
    [ LOOKAHEAD(2) SimpleIdentifier() <DOT> ]
    (
        <TILDE> { op = SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE; }
        [ <STAR> { op = SqlStdOperatorTable.POSIX_REGEX_CASE_INSENSITIVE; } ]
    |   <NEGATE> <TILDE> { op = SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_SENSITIVE; }
        [ <STAR> { op = SqlStdOperatorTable.NEGATED_POSIX_REGEX_CASE_INSENSITIVE; } ]
    |   <EQ> { op = SqlStdOperatorTable.EQUALS; }
    |   <NE> { op = SqlStdOperatorTable.NOT_EQUALS; }
    |   <LT> { op = SqlStdOperatorTable.LESS_THAN; }
    |   <GT> { op = SqlStdOperatorTable.GREATER_THAN; }
    |   <LE> { op = SqlStdOperatorTable.LESS_THAN_OR_EQUAL; }
    |   <GE> { op = SqlStdOperatorTable.GREATER_THAN_OR_EQUAL; }
    )
    <RPAREN> {
        list.add(new SqlParserUtil.ToTreeListItem(op, s.pos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * Parses expr COLLATE name, which has no effect: PhantomDB compares text by code point, as the
 * "C" collation, whatever collation is named (psql writes COLLATE pg_catalog.default).
 */
void PgCollate(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <COLLATE>
    [ LOOKAHEAD(2) SimpleIdentifier() <DOT> ]
    ( <DEFAULT_> | SimpleIdentifier() )
}

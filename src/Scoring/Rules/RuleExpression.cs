namespace SpeechQa.Scoring.Rules;

/// <summary>
/// A rule's boolean expression over its condition names: <c>a &amp;&amp; (b || !c)</c>. Parsed once when the rule
/// file loads; unknown names and syntax errors are reported with their column.
/// </summary>
public abstract record RuleExpression
{
    public abstract bool Evaluate(Func<string, bool> condition);

    /// <summary>Conditions that must hold for the expression to hold (not under a negation): the hit's evidence.</summary>
    public abstract IEnumerable<string> PositiveNames();

    public abstract IEnumerable<string> Names();

    public sealed record Name(string Value) : RuleExpression
    {
        public override bool Evaluate(Func<string, bool> condition) => condition(Value);
        public override IEnumerable<string> PositiveNames() => [Value];
        public override IEnumerable<string> Names() => [Value];
    }

    public sealed record Not(RuleExpression Operand) : RuleExpression
    {
        public override bool Evaluate(Func<string, bool> condition) => !Operand.Evaluate(condition);
        public override IEnumerable<string> PositiveNames() => [];
        public override IEnumerable<string> Names() => Operand.Names();
    }

    public sealed record And(RuleExpression Left, RuleExpression Right) : RuleExpression
    {
        public override bool Evaluate(Func<string, bool> condition) => Left.Evaluate(condition) && Right.Evaluate(condition);
        public override IEnumerable<string> PositiveNames() => Left.PositiveNames().Concat(Right.PositiveNames());
        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
    }

    public sealed record Or(RuleExpression Left, RuleExpression Right) : RuleExpression
    {
        public override bool Evaluate(Func<string, bool> condition) => Left.Evaluate(condition) || Right.Evaluate(condition);
        public override IEnumerable<string> PositiveNames() => Left.PositiveNames().Concat(Right.PositiveNames());
        public override IEnumerable<string> Names() => Left.Names().Concat(Right.Names());
    }

    /// <summary>Parses; throws <see cref="FormatException"/> with a zero-based column on bad syntax.</summary>
    public static RuleExpression Parse(string text)
    {
        var parser = new Parser(text);
        var expression = parser.ParseOr();
        parser.SkipSpace();
        if (!parser.AtEnd)
            throw parser.Error("表达式多余的内容 unexpected text");
        return expression;
    }

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length;

        public int Column => _at;

        public RuleExpression ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||"))
                left = new Or(left, ParseAnd());
            return left;
        }

        private RuleExpression ParseAnd()
        {
            var left = ParseUnary();
            while (Accept("&&"))
                left = new And(left, ParseUnary());
            return left;
        }

        private RuleExpression ParseUnary()
        {
            if (Accept("!"))
                return new Not(ParseUnary());
            if (Accept("("))
            {
                var inner = ParseOr();
                if (!Accept(")"))
                    throw Error("缺少右括号 missing ')'");
                return inner;
            }
            SkipSpace();
            var start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_'))
                _at++;
            if (_at == start)
                throw Error("此处应为条件名 expected a condition name");
            return new Name(text[start.._at]);
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _at, token, 0, token.Length) != 0)
                return false;
            _at += token.Length;
            return true;
        }

        public void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
                _at++;
        }

        public ExpressionSyntaxException Error(string message) => new(message, _at);
    }
}

/// <summary>A syntax error in a rule expression, at a zero-based column of the expression text.</summary>
public sealed class ExpressionSyntaxException(string message, int column) : FormatException(message)
{
    public int Column { get; } = column;
}

using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace Pnx.Data;

/// <summary>
/// A rule of the protocol written once, as an expression of a subject and one argument (a day, a moment), and used three
/// ways: bound to a value for an ordinary query (<see cref="For"/>), inside a compiled query (write <c>Rule.Holds(x, y)</c>
/// in its lambda and pass the lambda through <see cref="QueryRules.Expand{T}"/>), and on a loaded object
/// (<see cref="Holds"/>).
/// </summary>
public sealed class QueryRule<TSubject, TArgument> : QueryRules.IRule
{
    private readonly Func<TSubject, TArgument, bool> _compiled;

    public QueryRule(Expression<Func<TSubject, TArgument, bool>> expression)
    {
        Expression = QueryRules.Expand(expression);
        _compiled = expression.Compile();
    }

    public Expression<Func<TSubject, TArgument, bool>> Expression { get; }

    LambdaExpression QueryRules.IRule.Lambda => Expression;

    /// <summary>The rule on a loaded object; inside a compiled query's lambda, the place <see cref="QueryRules.Expand{T}"/> inlines it.</summary>
    public bool Holds(TSubject subject, TArgument argument) => _compiled(subject, argument);

    /// <summary>
    /// The rule for one value, as a filter for an ordinary query. The value is read from an object, as a captured local would
    /// be, so EF Core sends it as a parameter and keeps one cached query for every value.
    /// </summary>
    public Expression<Func<TSubject, bool>> For(TArgument argument) => QueryRules.Bind<TSubject>(Expression, QueryRules.Value(argument));
}

/// <summary>A rule of two arguments (for instance two thresholds); see <see cref="QueryRule{TSubject,TArgument}"/>.</summary>
public sealed class QueryRule<TSubject, T1, T2> : QueryRules.IRule
{
    private readonly Func<TSubject, T1, T2, bool> _compiled;

    public QueryRule(Expression<Func<TSubject, T1, T2, bool>> expression)
    {
        Expression = QueryRules.Expand(expression);
        _compiled = expression.Compile();
    }

    public Expression<Func<TSubject, T1, T2, bool>> Expression { get; }

    LambdaExpression QueryRules.IRule.Lambda => Expression;

    /// <summary>The rule on a loaded object; inside a compiled query's lambda, the place <see cref="QueryRules.Expand{T}"/> inlines it.</summary>
    public bool Holds(TSubject subject, T1 first, T2 second) => _compiled(subject, first, second);

    /// <summary>The rule for these values, as a filter for an ordinary query (sent as parameters, one cached query for all values).</summary>
    public Expression<Func<TSubject, bool>> For(T1 first, T2 second) =>
        QueryRules.Bind<TSubject>(Expression, QueryRules.Value(first), QueryRules.Value(second));
}

/// <summary>A rule of three arguments (for instance a municipality and two thresholds); see <see cref="QueryRule{TSubject,TArgument}"/>.</summary>
public sealed class QueryRule<TSubject, T1, T2, T3> : QueryRules.IRule
{
    private readonly Func<TSubject, T1, T2, T3, bool> _compiled;

    public QueryRule(Expression<Func<TSubject, T1, T2, T3, bool>> expression)
    {
        Expression = QueryRules.Expand(expression);
        _compiled = expression.Compile();
    }

    public Expression<Func<TSubject, T1, T2, T3, bool>> Expression { get; }

    LambdaExpression QueryRules.IRule.Lambda => Expression;

    /// <summary>The rule on a loaded object; inside a compiled query's lambda, the place <see cref="QueryRules.Expand{T}"/> inlines it.</summary>
    public bool Holds(TSubject subject, T1 first, T2 second, T3 third) => _compiled(subject, first, second, third);

    /// <summary>The rule for these values, as a filter for an ordinary query (sent as parameters, one cached query for all values).</summary>
    public Expression<Func<TSubject, bool>> For(T1 first, T2 second, T3 third) =>
        QueryRules.Bind<TSubject>(Expression, QueryRules.Value(first), QueryRules.Value(second), QueryRules.Value(third));
}

/// <summary>Inlines <see cref="QueryRule{TSubject,TArgument}.Holds"/> calls into a query's expression, for EF Core's compiled queries.</summary>
public static class QueryRules
{
    public interface IRule
    {
        LambdaExpression Lambda { get; }
    }

    /// <summary>The query with every <c>rule.Holds(x, y)</c> (rule a static field or property) replaced by the rule's expression of x and y,
    /// also inside a rule's own expression.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

    /// <summary>A rule's expression with its arguments (all parameters but the subject) replaced by <paramref name="values"/>.</summary>
    internal static Expression<Func<TSubject, bool>> Bind<TSubject>(LambdaExpression rule, params Expression[] values)
        => Expression.Lambda<Func<TSubject, bool>>(Inline(rule, [rule.Parameters[0], .. values]), rule.Parameters[0]);

    /// <summary>The body of <paramref name="lambda"/> with its parameters replaced by <paramref name="arguments"/>, in order.</summary>
    public static Expression Inline(LambdaExpression lambda, params Expression[] arguments)
    {
        var body = lambda.Body;
        for (var i = 0; i < arguments.Length; i++) body = ReplacingExpressionVisitor.Replace(lambda.Parameters[i], arguments[i], body);
        return body;
    }

    /// <summary>A value read from an object, as a captured local would be: EF Core makes it a parameter.</summary>
    internal static Expression Value<T>(T value) => Expression.Property(Expression.Constant(new Argument<T>(value)), nameof(Argument<T>.Value));

    private sealed record Argument<T>(T Value);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(QueryRule<object, object>.Holds) || node.Object is not MemberExpression { Expression: null } holder
                || !typeof(IRule).IsAssignableFrom(holder.Type))
            {
                return base.VisitMethodCall(node);
            }

            var rule = (IRule)(holder.Member switch
            {
                System.Reflection.FieldInfo field => field.GetValue(null),
                System.Reflection.PropertyInfo property => property.GetValue(null),
                _ => null,
            } ?? throw new InvalidOperationException($"The rule {holder.Member.Name} is not set."));
            // Visited again: a rule may itself be written with other rules.
            return Visit(Inline(rule.Lambda, [.. node.Arguments.Select(argument => Visit(argument)!)]));
        }
    }
}

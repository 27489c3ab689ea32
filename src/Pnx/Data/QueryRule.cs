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
        Expression = expression;
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
    public Expression<Func<TSubject, bool>> For(TArgument argument) =>
        System.Linq.Expressions.Expression.Lambda<Func<TSubject, bool>>(
            ReplacingExpressionVisitor.Replace(
                Expression.Parameters[1],
                System.Linq.Expressions.Expression.Property(System.Linq.Expressions.Expression.Constant(new Argument(argument)), nameof(Argument.Value)),
                Expression.Body),
            Expression.Parameters[0]);

    private sealed record Argument(TArgument Value);
}

/// <summary>Inlines <see cref="QueryRule{TSubject,TArgument}.Holds"/> calls into a query's expression, for EF Core's compiled queries.</summary>
public static class QueryRules
{
    public interface IRule
    {
        LambdaExpression Lambda { get; }
    }

    /// <summary>The query with every <c>rule.Holds(x, y)</c> (rule a static field or property) replaced by the rule's expression of x and y.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

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
            var body = rule.Lambda.Body;
            for (var i = 0; i < rule.Lambda.Parameters.Count; i++)
            {
                body = ReplacingExpressionVisitor.Replace(rule.Lambda.Parameters[i], Visit(node.Arguments[i]), body);
            }

            return body;
        }
    }
}

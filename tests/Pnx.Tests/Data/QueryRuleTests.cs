using System.Linq.Expressions;
using Pnx.Access;
using Pnx.Data;
using Pnx.Newcomers;
using Pnx.Protocols;
using Pnx.Retention;

namespace Pnx.Tests.Data;

/// <summary>
/// A rule written once (<see cref="QueryRule{TSubject,TArgument}"/>) must mean the same bound to a value, inlined into a compiled
/// query's lambda, and on a loaded object: the three uses are checked against each other on the edges of the rule.
/// </summary>
public sealed class QueryRuleTests
{
    private static readonly DateOnly Day = new(2026, 12, 3);

    public static TheoryData<DateOnly, DateOnly, bool> ProtocolEdges => new()
    {
        { Day, Day, false }, { Day.AddDays(1), Day.AddDays(5), false }, { Day.AddDays(-5), Day.AddDays(-1), false },
        { Day.AddDays(-5), Day, false }, { Day, Day.AddDays(5), false }, { Day.AddDays(-5), Day.AddDays(5), true },
    };

    [Theory]
    [MemberData(nameof(ProtocolEdges))]
    public void AProtocolRuleMeansTheSameBoundInlinedAndLoaded(DateOnly start, DateOnly end, bool terminated)
    {
        var protocol = new Protocol
        {
            MunicipalityId = 1, Reference = "P", StartDate = start, EndDate = end, EffectiveEndDate = end,
            TerminatedAt = terminated ? new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) : null,
        };
        var expected = !terminated && start <= Day && end >= Day;
        Assert.Equal(expected, ProtocolQueries.IsActiveOn(protocol, Day));
        Assert.Equal(expected, ProtocolQueries.ActiveOn(Day).Compile()(protocol));
        var inlined = QueryRules.Expand<Func<Protocol, DateOnly, bool>>((p, day) => ProtocolQueries.Active.Holds(p, day));
        Assert.Equal(expected, inlined.Compile()(protocol, Day));
        // Inlined means the rule's own expression, not a call back into the compiled delegate.
        Assert.DoesNotContain(nameof(QueryRule<Protocol, DateOnly>.Holds), inlined.Body.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProtocolEdges))]
    public void ARuleWrittenWithAnotherRuleIsInlinedAllTheWayDown(DateOnly start, DateOnly end, bool terminated)
    {
        var municipality = new Pnx.Municipalities.Municipality { Id = 1, NisCode = "11002", Name = "Antwerpen" };
        var protocols = new[]
        {
            new Protocol { MunicipalityId = 2, Reference = "Other", StartDate = Day.AddDays(-5), EndDate = Day.AddDays(5), EffectiveEndDate = Day.AddDays(5) },
            new Protocol
            {
                MunicipalityId = 1, Reference = "P", StartDate = start, EndDate = end, EffectiveEndDate = end,
                TerminatedAt = terminated ? new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) : null,
            },
        }.AsQueryable();
        var expected = !terminated && start <= Day && end >= Day;
        Assert.Equal(expected, Pnx.Access.Web.WorkspaceResolver.HasActiveProtocol.Holds(municipality, protocols, Day));
        var inlined = QueryRules.Expand<Func<Pnx.Municipalities.Municipality, IQueryable<Protocol>, DateOnly, bool>>(
            (m, all, day) => Pnx.Access.Web.WorkspaceResolver.HasActiveProtocol.Holds(m, all, day));
        Assert.Equal(expected, inlined.Compile()(municipality, protocols, Day));
        // The outer rule's expression, and the protocol rule inside it, both inlined: no Holds left for EF Core to refuse.
        Assert.DoesNotContain(nameof(QueryRule<Protocol, DateOnly>.Holds), inlined.Body.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AGrantRuleIsSentAsAParameterSoOneCachedQueryServesEveryMoment()
    {
        var now = new DateTime(2026, 12, 3, 9, 0, 0, DateTimeKind.Utc);
        var bound = AccessQueries.IsActive(now);
        // The moment is read from an object (like a captured local), never a constant baked into the query's shape.
        var member = FindMember(bound.Body);
        Assert.NotNull(member);
        Assert.Equal(typeof(DateTime), member.Type);

        var grant = new Grant { UserId = "u", Role = Role.MunicipalCaseWorker, ApprovedAt = now.AddDays(-1), ExpiresAt = now.AddDays(1), User = new PnxUser { DisplayName = "x" } };
        Assert.True(bound.Compile()(grant));
        Assert.False(AccessQueries.IsActive(now.AddDays(2)).Compile()(grant));
        Assert.True(AccessQueries.Active.Holds(grant, now));
        grant.User.DisabledAt = now;
        Assert.False(bound.Compile()(grant));
    }

    public static TheoryData<int, int, int, bool, bool> NewcomerEdges => new()
    {
        // municipality, days from the certificate threshold, days from the confirmation threshold, withdrawn, erased
        { 7, 1, 0, false, false }, { 7, 0, 0, false, false }, { 7, 1, -1, false, false }, { 8, 1, 0, false, false },
        { 7, 1, 0, true, false }, { 7, 1, 0, false, true }, { 7, 400, 3, false, false },
    };

    [Theory]
    [MemberData(nameof(NewcomerEdges))]
    public void TheCurrentNewcomerRuleMeansTheSameBoundInlinedAndLoaded(int municipalityId, int certificateDays, int confirmedDays, bool withdrawn, bool erased)
    {
        var cutoff = new RetentionCutoff(7, Day, new RetentionTerms(RetentionRules.DefaultUnconfirmedMonths, []));
        var newcomer = new Newcomer
        {
            DossierNumber = "W-1", MunicipalityId = municipalityId,
            CertificateDate = cutoff.CertificateOnOrBefore.AddDays(certificateDays),
            LastConfirmedAt = cutoff.ConfirmedBefore.AddDays(confirmedDays),
            WithdrawnAt = withdrawn ? new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) : null,
            ErasedAt = erased ? new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) : null,
        };
        var expected = municipalityId == 7 && certificateDays > 0 && confirmedDays >= 0 && !withdrawn && !erased;
        var (certificate, confirmed) = (cutoff.CertificateOnOrBefore, cutoff.ConfirmedBefore);

        Assert.Equal(expected, CurrentNewcomers.Visible.For(7, certificate, confirmed).Compile()(newcomer));
        Assert.Equal(expected, CurrentNewcomers.Visible.Holds(newcomer, 7, certificate, confirmed));
        var inlined = QueryRules.Expand<Func<Newcomer, int, DateOnly, DateTime, bool>>((n, m, c, d) => CurrentNewcomers.Visible.Holds(n, m, c, d));
        Assert.Equal(expected, inlined.Compile()(newcomer, 7, certificate, confirmed));
        // The retention rule inside it is inlined too: no call back into any compiled delegate reaches SQL.
        Assert.DoesNotContain(nameof(QueryRule<Newcomer, int>.Holds), inlined.Body.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(QueryRule<Newcomer, int>.Holds), CurrentNewcomers.Visible.Expression.Body.ToString(), StringComparison.Ordinal);
        if (municipalityId == 7 && !withdrawn && !erased)
        {
            Assert.Equal(expected, cutoff.KeepsLoaded(newcomer.CertificateDate, newcomer.LastConfirmedAt));
        }
    }

    private static MemberExpression? FindMember(Expression body)
    {
        MemberExpression? found = null;
        new Finder(m => found ??= m).Visit(body);
        return found;
    }

    private sealed class Finder(Action<MemberExpression> onFound) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression is ConstantExpression) onFound(node);
            return base.VisitMember(node);
        }
    }
}

namespace Pnx.Access;

/// <summary>A role held (or asked for) in a scope: an agency role has no municipality.</summary>
public sealed record HeldRole(Role Role, int? MunicipalityId);

/// <summary>
/// What a rule judges: the grantee's other grants that are active or still requested, the grant
/// being requested or approved, who requests it and (at approval) who approves it.
/// </summary>
public sealed record SegregationCase(
    string GranteeId,
    IReadOnlyList<HeldRole> OtherGrants,
    HeldRole NewGrant,
    string? RequesterId,
    string? ApproverId);

/// <summary>One rule of segregation of duties (protocol art. 6), kept as data so it can be listed, documented and tested one by one.</summary>
public sealed record SegregationRule(string Id, string English, string Dutch, Func<SegregationCase, bool> Violates);

/// <summary>The rule table, enforced when a grant is requested and again when it is approved. See README.md.</summary>
public static class SegregationRules
{
    public static readonly IReadOnlyList<SegregationRule> All =
    [
        new("SOD-1",
            "an access administrator holds no role that reads personal data",
            "een toegangsbeheerder heeft geen rol die persoonsgegevens leest",
            c => (c.NewGrant.Role == Role.AgencyAccessAdministrator && c.OtherGrants.Any(g => g.Role.CanReadPersonalData()))
                || (c.NewGrant.Role.CanReadPersonalData() && c.OtherGrants.Any(g => g.Role == Role.AgencyAccessAdministrator))),
        new("SOD-2",
            "nobody requests or approves a grant for themselves",
            "niemand vraagt of keurt een toegang voor zichzelf aan of goed",
            c => c.RequesterId == c.GranteeId || c.ApproverId == c.GranteeId),
        new("SOD-3",
            "a municipal DPO role is not combined with case work in the same municipality",
            "de rol van functionaris gegevensbescherming wordt niet gecombineerd met toeleiding in dezelfde gemeente",
            c => c.OtherGrants.Any(g => g.MunicipalityId == c.NewGrant.MunicipalityId && IsPair(g.Role, c.NewGrant.Role, Role.MunicipalDpo, Role.MunicipalCaseWorker))),
        new("SOD-4",
            "the agency DPO is not also an agency data steward",
            "de functionaris gegevensbescherming van het agentschap is niet ook data steward van het agentschap",
            c => c.OtherGrants.Any(g => IsPair(g.Role, c.NewGrant.Role, Role.AgencyDpo, Role.AgencyDataSteward))),
        new("SOD-5",
            "the approver is not the requester (four eyes)",
            "wie goedkeurt is niet wie aanvroeg (vier ogen)",
            c => c.ApproverId is not null && c.ApproverId == c.RequesterId),
    ];

    /// <summary>The first rule the case breaks, or null when it breaks none.</summary>
    public static SegregationRule? FirstViolated(SegregationCase @case) =>
        EvaluationOrder.Select(id => All.Single(r => r.Id == id)).FirstOrDefault(rule => rule.Violates(@case));

    /// <summary>Who acts is judged before what is held, so acting for oneself is named as such.</summary>
    private static readonly string[] EvaluationOrder = ["SOD-2", "SOD-5", "SOD-1", "SOD-3", "SOD-4"];

    public static string RefusalMessage(SegregationRule rule) => $"refused by {rule.Id}: {rule.English}";

    private static bool IsPair(Role a, Role b, Role x, Role y) => (a == x && b == y) || (a == y && b == x);
}

using System.Reflection;
using Pnx.Access;
using Pnx.Access.Web;
using Pnx.Hosting;
using Pnx.Registers;

namespace Pnx.Tests.Registers;

/// <summary>What a role may do is worded once per policy and derived from the one role table, so a new policy cannot go unworded.</summary>
public sealed class RoleCapabilityTests
{
    [Fact]
    public void EveryRolePolicyIsInTheRoleTableAndWordedOnceInDutchAndEnglish()
    {
        var policies = typeof(WorkspacePolicies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)
            .Except([WorkspacePolicies.SignedIn, WorkspacePolicies.Authenticated]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(policies, WorkspacePolicies.RolesOf.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(policies, RoleCapabilities.Texts.Select(t => t.Policy).Order(StringComparer.Ordinal));
        var english = UiTranslations.RegisterCapabilities.Select(p => p.Dutch).ToHashSet(StringComparer.Ordinal);
        Assert.All(RoleCapabilities.Texts, t => Assert.Contains(t.Dutch, english));
    }

    [Fact]
    public void EveryRoleMayDoSomethingAndOnlyTheCaseWorkerReadsNewcomersInAWorkspace()
    {
        Assert.All(Roles.All, role => Assert.NotEmpty(RoleCapabilities.Of(role)));
        var caseWork = RoleCapabilities.Texts.Single(t => t.Policy == WorkspacePolicies.CaseWork).Dutch;
        Assert.Equal([Role.MunicipalCaseWorker], Roles.All.Where(r => RoleCapabilities.Of(r).Contains(caseWork)));
    }
}

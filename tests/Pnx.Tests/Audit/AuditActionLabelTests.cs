using Pnx.Audit;

namespace Pnx.Tests.Audit;

/// <summary>The DPO reads every action in words: each name the code records has one Dutch and one English label.</summary>
public sealed class AuditActionLabelTests
{
    private static readonly AuditActionSource.Scan Source = AuditActionSource.Read(Path.Combine(RepositoryRoot(), "src", "Pnx"));

    [Fact]
    public void EveryActionTheCodeRecordsHasADutchAndAnEnglishLabel()
    {
        Assert.Empty(Source.Unresolved);
        // The scan follows actions passed through helper methods, so it finds these too.
        string[] throughHelpers =
        [
            "newcomer.view", "grant.approve", "grant.bootstrap", "activity.reactivate", "activity.deactivate",
            "enrolment.status", "protocol.notice", "audit.view", "audit.verify", "assignment.clear",
        ];
        var notFound = throughHelpers.Where(a => !Source.Actions.Contains(a)).ToList();
        Assert.True(notFound.Count == 0, "the scan missed: " + string.Join(", ", notFound));
        var missing = Source.Actions.Where(a => !AuditActionLabels.IsKnown(a)).ToList();
        Assert.True(missing.Count == 0, "actions without a label in AuditActionLabels: " + string.Join(", ", missing));
        Assert.All(AuditActionLabels.All, l =>
        {
            Assert.False(string.IsNullOrWhiteSpace(l.Dutch));
            Assert.False(string.IsNullOrWhiteSpace(l.English));
            Assert.NotEqual(l.Action, l.Dutch);
        });
    }

    [Fact]
    public void TheLabelTableHoldsNoActionTheCodeNoLongerRecordsAndNoLabelTwice()
    {
        var stale = AuditActionLabels.All.Select(l => l.Action).Where(a => !Source.Actions.Contains(a)).ToList();
        Assert.True(stale.Count == 0, "labels for actions nothing records: " + string.Join(", ", stale));
        Assert.Equal(AuditActionLabels.All.Count, AuditActionLabels.All.Select(l => l.Action).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(AuditActionLabels.All.Count, AuditActionLabels.All.Select(l => l.Dutch).Distinct(StringComparer.Ordinal).Count());
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Pnx.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Pnx.sln not found above " + AppContext.BaseDirectory);
    }
}

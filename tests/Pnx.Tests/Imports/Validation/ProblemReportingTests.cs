using System.Globalization;
using Pnx.Imports;
using Pnx.Imports.Validation;

namespace Pnx.Tests.Imports.Validation;

public class ProblemReportingTests
{
    private static readonly string[] Headers =
        ["Dossiernummer", "Naam", "Voornaam", "Postcode", "E-mail", "Niveau Nederlands"];

    [Fact]
    public void EveryProblemOfEveryRowIsReportedInRowOrder()
    {
        var table = Tables.Rows(Headers,
            ["D-1", "Peeters", "Ann", "1500", "ann@example.be", "A1"],
            ["D-2", "", "Bart", "999", "bart", "A1"],
            ["D-3", "Maes", "Cas", "1500", "", "B3"],
            ["D 4", "Maes", "", "", "", ""]);

        var result = NewcomerTableParser.Parse(table, Tables.Today);

        Assert.Equal(["D-1"], result.Records.Select(r => r.DossierNumber));
        Assert.Equal(
            [(3, "Naam"), (3, "Postcode"), (3, "E-mail"), (4, "Niveau Nederlands"), (5, "Dossiernummer"), (5, "Voornaam")],
            result.Problems.Select(p => (p.Row!.Value, p.Column!)));
    }

    [Fact]
    public void ProblemInTheLastRowIsReportedWithItsRowNumber()
    {
        var rows = Enumerable.Range(0, 5000)
            .Select(i => new[] { "D-" + i.ToString(CultureInfo.InvariantCulture), "Peeters", "Ann", "1500", "", "" })
            .ToArray();
        rows[^1][3] = "0999";

        var result = NewcomerTableParser.Parse(Tables.Rows(Headers, rows), Tables.Today);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(5001, problem.Row);
        Assert.Equal("Postcode", problem.Column);
        Assert.Equal(4999, result.Records.Count);
    }

    [Fact]
    public void ParallelValidationGivesTheSameOrderedReportAsSequential()
    {
        var rows = Enumerable.Range(0, 9000)
            .Select(i => new[] { "D-" + i.ToString(CultureInfo.InvariantCulture), i % 7 == 0 ? "" : "Peeters", "Ann", i % 11 == 0 ? "12" : "1500", "", "" })
            .ToArray();

        var result = NewcomerTableParser.Parse(Tables.Rows(Headers, rows), Tables.Today);

        Assert.Equal(NewcomerTableParser.MaxProblems + 1, result.Problems.Count);
        var rowNumbers = result.Problems.Take(NewcomerTableParser.MaxProblems).Select(p => p.Row!.Value).ToList();
        Assert.Equal(rowNumbers.Order(), rowNumbers);
        Assert.Equal(2, rowNumbers[0]);
        Assert.True(result.Records.Select(r => r.RowNumber).SequenceEqual(result.Records.Select(r => r.RowNumber).Order()));
    }

    [Fact]
    public void MoreThanAHundredProblemsAreCappedWithACount()
    {
        var rows = Enumerable.Range(0, 130)
            .Select(i => new[] { "D-" + i.ToString(CultureInfo.InvariantCulture), "", "Ann", "1500", "", "" })
            .ToArray();

        var problems = NewcomerTableParser.Parse(Tables.Rows(Headers, rows), Tables.Today).Problems;

        Assert.Equal(101, problems.Count);
        Assert.Equal(ImportProblem.File("... and 30 more problems"), problems[^1]);
    }

    [Fact]
    public void RowsOfOnlySpacesAreSkipped()
    {
        var table = Tables.Rows(Headers, ["D-1", "Peeters", "Ann", "", "", ""], [" ", "", "\u00A0", "", "", ""]);

        var result = NewcomerTableParser.Parse(table, Tables.Today);

        Assert.Empty(result.Problems);
        Assert.Single(result.Records);
    }

    [Fact]
    public void PersonalValuesNeverAppearInMessages()
    {
        string[] secrets = ["Secretname", "Hiddenstreet 1", "hidden@", "0470 99", "Se cret/"];
        var table = Tables.Rows(["Dossiernummer", "Naam", "Voornaam", "Straat", "E-mail", "Telefoon", "Datum inburgeringsattest"],
            ["Se cret/", "Secretname" + new string('x', 100), "Secret\nname", "Hiddenstreet 1\u202E", "hidden@", "0470 99", "Secretname"]);

        var result = NewcomerTableParser.Parse(table, Tables.Today);

        Assert.Equal(7, result.Problems.Count);
        foreach (var secret in secrets)
            Assert.All(result.Problems, p => Assert.DoesNotContain(secret, p.Format("f.csv"), StringComparison.Ordinal));
    }
}

namespace Pnx.Imports.Validation;

/// <summary>
/// The outcome of applying the protocol's rules to a table: the rows that passed, and every problem
/// found (at most <see cref="NewcomerTableParser.MaxProblems"/> plus one closing "... and N more").
/// The import writes nothing unless <see cref="Problems"/> is empty.
/// </summary>
public sealed record ParseResult(IReadOnlyList<NewcomerRecord> Records, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

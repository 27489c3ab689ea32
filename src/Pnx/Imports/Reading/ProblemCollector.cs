namespace Pnx.Imports.Reading;

/// <summary>Collects problems up to the cap, so a broken file yields a useful list rather than an endless one.</summary>
internal sealed class ProblemCollector(int max)
{
    private readonly List<ImportProblem> problems = [];

    public bool IsFull => problems.Count >= max;

    public bool Any => problems.Count > 0;

    public IReadOnlyList<ImportProblem> Problems => problems;

    public void Add(ImportProblem problem)
    {
        if (!IsFull)
            problems.Add(problem);
    }
}

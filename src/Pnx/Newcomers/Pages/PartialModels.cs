using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>The workspace's own navigation; <paramref name="Current"/> marks the page shown.</summary>
public sealed record WorkspaceNav(WorkspaceMunicipality Municipality, string Current);

public sealed record ActiveFilters(NewcomerFilter Filter, string BasePath);

/// <summary>Paging links; with a name search the links are small POST forms so the name stays out of the URL.</summary>
public sealed record Pager(NewcomerFilter Filter, string BasePath, int PageCount, string? Search);

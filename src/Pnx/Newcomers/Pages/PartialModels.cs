using Pnx.Municipalities;

namespace Pnx.Newcomers.Pages;

/// <summary>The workspace's own navigation; <paramref name="Current"/> marks the page shown.</summary>
public sealed record WorkspaceNav(WorkspaceMunicipality Municipality, string Current);

public sealed record ActiveFilters(NewcomerFilter Filter, string BasePath);

/// <summary>Paging links: plain GET links, a search included by its key only.</summary>
public sealed record Pager(NewcomerFilter Filter, string BasePath, int PageCount);

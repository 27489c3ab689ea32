using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Pnx.Municipalities;

/// <summary>
/// Base of every page under /gemeenten/{nis}: the workspace comes from the request (resolved once from the
/// route by the authorization handler), never from a handler parameter that model binding could fill
/// from a form or query value.
/// </summary>
public abstract class WorkspacePageModel : PageModel
{
    public WorkspaceMunicipality Municipality => WorkspaceMunicipality.Of(HttpContext);
}

using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;

namespace Pnx.Tests.Web.Authorization;

/// <summary>
/// The class of bug where a form or query value overrides the route's municipality cannot come back: no page
/// handler takes a municipality parameter and no bound property carries one. The workspace comes from
/// <c>WorkspaceMunicipality.Of(HttpContext)</c>, resolved from the route by the authorization handler.
/// </summary>
public sealed class WorkspaceBindingRulesTests
{
    private static readonly string[] Forbidden = ["nis", "niscode", "municipality", "municipalityid", "gemeente", "gemeenteid"];

    [Fact]
    public void NoWorkspacePageHandlerBindsAMunicipalityFromTheRequest()
    {
        var offenders = WorkspacePageModels
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                .Where(m => m.Name.StartsWith("On", StringComparison.Ordinal))
                .SelectMany(m => m.GetParameters().Where(p => IsForbidden(p.Name)).Select(p => $"{t.Name}.{m.Name}({p.Name})")))
            .ToList();
        Assert.True(offenders.Count == 0, "handlers binding a municipality: " + string.Join(", ", offenders));
        Assert.NotEmpty(WorkspacePageModels);
    }

    [Fact]
    public void EveryWorkspacePageTakesItsMunicipalityFromTheResolvedWorkspace()
    {
        var pages = WorkspacePageModels.ToList();
        Assert.NotEmpty(pages);
        var offenders = pages.Where(t => !typeof(Pnx.Municipalities.WorkspacePageModel).IsAssignableFrom(t) && t != typeof(Pnx.Audit.Viewer.MunicipalAuditModel))
            .Select(t => t.Name).ToList();
        Assert.True(offenders.Count == 0, "workspace pages not built on WorkspacePageModel: " + string.Join(", ", offenders));
    }

    [Fact]
    public void NoBoundPropertyOfAWorkspacePageCarriesAMunicipality()
    {
        var offenders = new List<string>();
        foreach (var type in WorkspacePageModels)
        {
            var bindAll = type.GetCustomAttribute<BindPropertiesAttribute>() is not null;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (!bindAll && property.GetCustomAttribute<BindPropertyAttribute>() is null) continue;
                if (IsForbidden(property.Name)) offenders.Add($"{type.Name}.{property.Name}");
                if (property.PropertyType.IsClass && property.PropertyType != typeof(string))
                {
                    offenders.AddRange(property.PropertyType.GetProperties().Where(p => p.CanWrite && IsForbidden(p.Name))
                        .Select(p => $"{type.Name}.{property.Name}.{p.Name}"));
                }
            }
        }

        Assert.True(offenders.Count == 0, "bound properties carrying a municipality: " + string.Join(", ", offenders));
    }

    /// <summary>Page models whose route (the @page directive, as compiled) holds {nis}.</summary>
    private static IEnumerable<Type> WorkspacePageModels =>
        typeof(Pnx.Hosting.WebHost).Assembly.GetCustomAttributes<RazorCompiledItemAttribute>()
            .Where(item => item.Kind == "mvc.1.0.razor-page")
            .Where(item => item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>()
                .Any(m => m.Key == "RouteTemplate" && m.Value.Contains("{nis", StringComparison.Ordinal)))
            .Select(item => item.Type.GetProperty("Model")!.PropertyType);

    private static bool IsForbidden(string? name) => name is not null && Forbidden.Contains(name.ToLowerInvariant());
}

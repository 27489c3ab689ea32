using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pnx.Data;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Administration;

/// <summary>Intent helpers for the access-administration tests: database look-ups and the post-redirect-get round trip.</summary>
internal static partial class AdminWeb
{
    public const string Grants = "/agentschap/toegang/toegangen";

    public static async Task<T> QueryAsync<T>(this TestWeb web, Func<PnxDb, Task<T>> query)
    {
        await using var scope = web.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PnxDb>());
    }

    public static Task<int> ProfileIdAsync(this TestWeb web, string nis, string name) =>
        web.QueryAsync(db => db.FunctionProfiles.Where(p => p.Municipality.NisCode == nis && p.Name == name).Select(p => p.Id).SingleAsync());

    public static Task<string> UserIdAsync(this TestWeb web, string email) =>
        web.QueryAsync(async db => (await Pnx.Access.UserAccounts.IdByEmailAsync(db, email))!);

    /// <summary>Posts a form of <paramref name="page"/> to one of its handlers, follows the redirect back and returns the page shown.</summary>
    public static async Task<string> PostAndFollowAsync(this Infrastructure.WebClient client, string page, string handler, IDictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync(page, fields, handler.Length == 0 ? page : $"{page}?handler={handler}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await client.GetPageAsync(response.Headers.Location!.OriginalString);
    }

    public static bool HasApproveButtonFor(string html, int grantId) =>
        ApproveForm().Matches(html).Any(m => m.Groups[1].Value == grantId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("handler=Approve\"[^>]*>\\s*<input type=\"hidden\" name=\"grantId\" value=\"(\\d+)\"")]
    private static partial Regex ApproveForm();
}

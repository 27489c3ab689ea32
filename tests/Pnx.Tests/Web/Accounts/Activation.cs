using HttpStatusCode = System.Net.HttpStatusCode;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pnx.Cli;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Accounts;

/// <summary>Drives the activation page as a browser would: the link from `pnx user add`, then two POSTs.</summary>
internal static partial class Activation
{
    public static async Task<string> NewLinkAsync(TestWeb web, string email, string name = "Nieuwe Collega")
    {
        var cli = new PnxCli(web.Database.Settings, TimeProvider.System);
        var run = await cli.RunExpectingAsync(ExitCodes.Done, "user", "add", "--email", email, "--name", name);
        return "/activeren/" + run.Out.Split("/activeren/")[1].Trim();
    }

    public static async Task<string> PostAsync(WebClient client, string link, string handler, Dictionary<string, string> fields)
    {
        using var response = await client.PostFormAsync(link, fields, link + "?handler=" + handler);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static Task<string> SetPasswordAsync(WebClient client, string link, string password) =>
        PostAsync(client, link, "Password", new() { ["Password"] = password, ["PasswordRepeat"] = password });

    /// <summary>The key shown on the page, without the spaces that group it.</summary>
    public static string Key(string html)
    {
        var match = KeyPattern().Match(html);
        Assert.True(match.Success, "no authenticator key on the page");
        return match.Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
    }

    public static string[] RecoveryCodes(string html) =>
        RecoveryCodePattern().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    public static async Task<List<string>> AuditActionsAsync(TestWeb web)
    {
        await using var db = web.Database.Open();
        return await db.AuditEntries.OrderBy(e => e.Seq).Select(e => e.Action).ToListAsync();
    }

    [GeneratedRegex("<code class=\"totp-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}

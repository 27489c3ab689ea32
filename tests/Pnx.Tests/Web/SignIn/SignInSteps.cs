using HttpStatusCode = System.Net.HttpStatusCode;
using Pnx.Access;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.SignIn;

/// <summary>The two sign-in steps one at a time, for tests that look at what each step answers.</summary>
internal static class SignInSteps
{
    /// <summary>Step 1 with the right password; the client then holds the code step's cookie.</summary>
    public static async Task<WebClient> AtCodeStepAsync(TestWeb web, DemoAccount account)
    {
        var client = web.NewClient();
        using var password = await client.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = account.Email, ["Password"] = account.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/aanmelden/code", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return client;
    }

    /// <summary>Posts a code (or, with <paramref name="field"/> "RecoveryCode", a recovery code) and returns the answer.</summary>
    public static async Task<(HttpStatusCode Status, string? Location, string Html)> PostCodeAsync(WebClient client, string code, string field = "Code")
    {
        using var response = await client.PostFormAsync("/aanmelden/code", new Dictionary<string, string> { [field] = code });
        return (response.StatusCode, response.Headers.Location?.OriginalString, await response.Content.ReadAsStringAsync());
    }

    public static async Task<(HttpStatusCode Status, string Html)> PostPasswordAsync(WebClient client, string email, string password)
    {
        using var response = await client.PostFormAsync("/aanmelden", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Pnx.Tests.Infrastructure;

/// <summary>Multipart posts, the way a browser sends a file input, with the form page's antiforgery token.</summary>
public sealed partial class WebClient
{
    public async Task<HttpResponseMessage> PostFileAsync(
        string formPage, string action, string fileField, string fileName, byte[] content, IDictionary<string, string> fields, bool chunked = false)
    {
        var html = await GetPageAsync(formPage);
        var token = UploadToken().Match(html);
        Assert.True(token.Success, $"no antiforgery token on {formPage}");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, fileField, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(action, UriKind.Relative)) { Content = form };
        request.Headers.TransferEncodingChunked = chunked;
        return await _http.SendAsync(request);
    }

    /// <summary>
    /// Follows a preview's or an apply's 303 to the upload's status page and reloads it, as its refresh does, until the
    /// check or the import ended (the page no longer refreshes itself); the page then shown. <paramref name="seen"/> is
    /// told every page while it runs.
    /// </summary>
    public async Task<string> FollowUploadAsync(HttpResponseMessage apply, Func<string, Task>? seen = null, TimeSpan? timeout = null)
    {
        Assert.Equal(HttpStatusCode.SeeOther, apply.StatusCode);
        var status = apply.Headers.Location?.OriginalString;
        Assert.Matches("^/agentschap/import\\?upload=[0-9a-f]{32}$", status);
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var html = await GetPageAsync(status!);
            if (!html.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal)) return html;
            if (seen is not null) await seen(html);
            Assert.True(DateTime.UtcNow < until, "the upload did not end in time");
            await Task.Delay(200);
        }
    }

    /// <summary>Where a browser ends after posting the upload form: the followed 303, or the form page when it was refused at once (200).</summary>
    public async Task<string> UploadLandingAsync(HttpResponseMessage post) =>
        post.StatusCode == HttpStatusCode.SeeOther ? await FollowUploadAsync(post) : await OkPageAsync(post);

    private static async Task<string> OkPageAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex UploadToken();
}

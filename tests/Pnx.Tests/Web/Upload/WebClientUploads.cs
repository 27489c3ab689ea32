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

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex UploadToken();
}

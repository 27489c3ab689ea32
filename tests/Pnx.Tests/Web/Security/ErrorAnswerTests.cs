using System.Net;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Imports.Upload;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Web.Security;

/// <summary>Failed requests answer a real 4xx with the Dutch error page, whatever the request carried.</summary>
public sealed class ErrorAnswerTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Theory]
    [InlineData("/aanmelden", "0")]
    [InlineData("/aanmelden", "200")]
    [InlineData("/aanmelden/code", "0")]
    [InlineData("/aanmelden/code", "200")]
    public async Task APostWithoutAValidAntiforgeryTokenAnswers400WhateverItsCodeFieldSays(string path, string code)
    {
        using var client = _web.NewClient();
        await client.GetPageAsync("/aanmelden");
        using var response = await client.PostRawAsync(path, new Dictionary<string, string> { ["Code"] = code, ["Email"] = "x@y.invalid", ["Password"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ongeldige aanvraag", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        SecurityHeaderTests.AssertSecurityHeaders(response, page: true);
    }

    [Theory]
    [InlineData("/fout?code=200", HttpStatusCode.OK)]
    [InlineData("/fout?code=0", HttpStatusCode.OK)]
    [InlineData("/fout/404", HttpStatusCode.NotFound)]
    [InlineData("/fout/503", HttpStatusCode.ServiceUnavailable)]
    public async Task TheErrorPageTakesItsStatusOnlyFromARouteWithARealErrorCode(string path, HttpStatusCode expected)
    {
        using var client = _web.NewClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/fout/200")]
    [InlineData("/fout/0")]
    [InlineData("/fout/302")]
    public async Task AnErrorPageRouteWithoutAnErrorCodeIsNoPage(string path)
    {
        using var client = await _web.SignInAsync(Role.MunicipalCaseWorker, "23027");
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnUploadOverTheLimitAnswers413WithADutchMessage()
    {
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        var tooLarge = new byte[(int)UploadModel.MaxBytes + 1024];
        using var response = await client.PostFileAsync("/agentschap/import", "/agentschap/import?handler=Preview", "file", "groot.csv", tooLarge, new Dictionary<string, string> { ["Mode"] = "upsert" });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bestand te groot", html, StringComparison.Ordinal);
        Assert.Contains("hoogstens 50 MB", html, StringComparison.Ordinal);
        await using (var db = _web.Database.Open())
        {
            Assert.Equal(0, await db.StagedUploads.CountAsync());
        }

        // The connection survived: the same client goes on as before.
        Assert.Contains("Export van het Agentschap opladen", await client.GetPageAsync("/agentschap/import"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadOverTheLimitWithoutContentLengthAnswers413Too()
    {
        using var client = await _web.SignInAsync(Role.AgencyDataSteward);
        var tooLarge = new byte[(int)UploadModel.MaxBytes + 1024];
        using var response = await client.PostFileAsync("/agentschap/import", "/agentschap/import?handler=Preview", "file", "groot.csv", tooLarge, new Dictionary<string, string> { ["Mode"] = "upsert" }, chunked: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Bestand te groot", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

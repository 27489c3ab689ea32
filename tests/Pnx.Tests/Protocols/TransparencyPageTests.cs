using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Pnx.Tests.Infrastructure;

namespace Pnx.Tests.Protocols;

/// <summary>The public transparency page of §10 and the landing page: for anyone, without personal data or counts.</summary>
public sealed class TransparencyPageTests : IAsyncLifetime
{
    private TestWeb _web = null!;

    public async Task InitializeAsync() => _web = await TestWeb.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    [Fact]
    public async Task AnonymousVisitorsSeeEveryProtocolWithStatusAndTextButNoPersonalDataOrCounts()
    {
        using var client = _web.NewClient();
        var html = await client.GetPageAsync("/protocollen");
        using var json = JsonDocument.Parse(await client.GetPageAsync("/protocollen.json"));
        var landing = await client.GetPageAsync("/");
        await using var db = _web.Database.Open();
        var protocols = await db.Protocols.Include(p => p.Municipality).ToListAsync();
        Assert.Equal(protocols.Count, json.RootElement.GetProperty("protocols").GetArrayLength());
        foreach (var p in protocols)
        {
            Assert.Contains(p.Municipality!.Name, html, StringComparison.Ordinal);
            Assert.Contains($"/protocollen/{p.Id}", html, StringComparison.Ordinal);
        }

        var first = json.RootElement.GetProperty("protocols")[0];
        Assert.Equal("active", first.GetProperty("status").GetString());
        Assert.Equal(5, first.GetProperty("municipality").GetProperty("nis").GetString()!.Length);
        var text = await client.GetPageAsync(first.GetProperty("text").GetString()!);
        Assert.Contains("Artikel 3", text, StringComparison.Ordinal);

        var newcomers = await db.Newcomers.Select(n => new { n.FamilyName, n.DossierNumber, n.Email }).Take(200).ToListAsync();
        var counts = await db.Newcomers.GroupBy(n => n.MunicipalityId).Select(g => g.Count()).ToListAsync();
        foreach (var page in new[] { html, json.RootElement.GetRawText(), landing, text })
        {
            Assert.DoesNotContain(newcomers, n => page.Contains(n.DossierNumber, StringComparison.Ordinal) || (n.Email is { } e && page.Contains(e, StringComparison.Ordinal)));
            foreach (var count in counts) Assert.DoesNotContain(">" + count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "<", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnUnknownProtocolTextAnswers404()
    {
        using var client = _web.NewClient();
        using var response = await client.GetAsync("/protocollen/99999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

using Microsoft.EntityFrameworkCore;
using Pnx.Data;
using Pnx.Landing;

namespace Pnx.Hosting;

/// <summary>Builds the web application. Tests start the same host on a free port.</summary>
public static class WebHost
{
    public static WebApplication Build(PnxSettings settings, TimeProvider time, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls(urls);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(time);
        if (settings.UsesPostgres)
        {
            builder.Services.AddDbContext<PostgresPnxDb>(o => PnxDbFactory.Configure(o, settings));
            builder.Services.AddScoped<PnxDb>(sp => sp.GetRequiredService<PostgresPnxDb>());
        }
        else
        {
            builder.Services.AddDbContext<SqlitePnxDb>(o => PnxDbFactory.Configure(o, settings));
            builder.Services.AddScoped<PnxDb>(sp => sp.GetRequiredService<SqlitePnxDb>());
        }

        var app = builder.Build();
        app.MapGet("/health", async (PnxDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Problem("database unreachable", statusCode: 503));
        LandingPage.Map(app);
        return app;
    }
}

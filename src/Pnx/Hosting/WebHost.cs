using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Access.Web;
using Pnx.Api;
using Pnx.Data;
using Pnx.Errors;
using Pnx.Hosting.KeyEncryption;
using Pnx.Imports.Upload;
using Pnx.Jobs;
using Pnx.Sessions;

namespace Pnx.Hosting;

/// <summary>Builds the web application. Tests and benchmarks start the same host on a free port.</summary>
public static class WebHost
{
    /// <param name="dailyJobs">Run the daily jobs (retention, clean-ups) in the background: `pnx serve` does, test hosts do not.</param>
    public static WebApplication Build(PnxSettings settings, TimeProvider time, string urls, WebLimits? limits = null, bool dailyJobs = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
            EnvironmentName = Environments.Production,
            // Pages are discovered in this assembly even when a test host or benchmark is the entry assembly.
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        // Its warning about unencrypted keys comes on every new key; `pnx serve` says it once (KeyEncryptionSetup).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // Cookies and HSTS follow the public address: behind a TLS-terminating proxy the listen URL is plain http.
        var https = settings.Hosting.IsHttps || urls.Contains("https://", StringComparison.OrdinalIgnoreCase);

        var services = builder.Services;
        services.AddSingleton(settings);
        services.AddSingleton(time);
        services.AddHttpContextAccessor();
        services.AddSingleton<Audit.AuditLog>();
        services.AddHostedService(sp => sp.GetRequiredService<Audit.AuditLog>());
        services.AddHostedService<Audit.AuditWitness>();
        AddDatabase(services, settings);

        services.AddDataProtection().SetApplicationName("pnx").PersistKeysToDbContext<PnxDb>();
        services.AddPnxKeyEncryption(settings.KeyEncryption);
        if (dailyJobs) services.AddPnxDailyJobs(settings);
        services.AddPnxUploadImports(settings); // the upload page's background import: src/Pnx/Imports/Upload
        services.AddPnxAccess().AddSignInManager();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<DatabaseTicketStore>((o, store) =>
            {
                o.SessionStore = store;
                o.Cookie.Name = https ? "__Host-pnx-session" : "pnx-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.Cookie.Path = "/";
                o.ExpireTimeSpan = SessionPolicy.IdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/aanmelden";
                o.LogoutPath = "/afmelden";
                o.AccessDeniedPath = "/fout/403";
            });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = https ? "__Host-pnx-2fa" : "pnx-2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        // Never used (no external sign-in), but sign-in clears it: its Set-Cookie is Strict like every other.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o =>
        {
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorization(WorkspacePolicies.Add);
        services.AddScoped<IAuthorizationHandler, GrantAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DeniedResultHandler>();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = https ? "__Host-pnx-csrf" : "pnx-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(o => RateLimits.Add(o, limits ?? settings.Limits));
        services.AddPnxPublicAddress(settings.Hosting);
        services.AddProblemDetails();
        services.AddRazorPages(o => o.RootDirectory = "/").AddMvcOptions(o => o.Filters.Add<WorkspaceNotFoundAudit>());
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddPnxApi(); // REST API (contract §8): src/Pnx/Api

        var app = builder.Build();
        app.UsePnxForwardedHeaders(settings.Hosting);
        app.UsePnxSecurityHeaders();
        app.UsePnxHttpsRedirection(settings.Hosting);
        app.UsePnxErrorPages();
        // Sent only on https requests (direct, or through a trusted proxy), never to localhost.
        app.UseHsts();
        app.UseStaticFiles();
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("nl-BE").AddSupportedCultures("nl-BE", "en").AddSupportedUICultures("nl-BE", "en");
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        app.UseRouting();
        app.UsePnxRequestBodyLimits();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/health", async (PnxDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Text("ok") : Results.Problem("database unreachable", statusCode: 503))
            .AllowAnonymous();
        LanguageSwitch.Map(app);
        Protocols.Public.PublicProtocols.Map(app);
        app.MapPnxApi(); // REST API (contract §8): src/Pnx/Api
        ApiFallback.Map(app);
        app.MapRazorPages();
        return app;
    }

    private static void AddDatabase(IServiceCollection services, PnxSettings settings)
    {
        // Contexts come from EF Core's pool: a request rents one and gives it back when its scope ends. A new context per
        // request would rebuild the options, look EF Core's internal services up again by comparing every option, and
        // construct its per-context services (the connection with its SQL functions, query translators) each time: about
        // a sixth of a page's allocations. The context has no state of its own; EF Core resets its own on return.
        if (settings.UsesPostgres)
        {
            services.AddDbContextPool<PostgresPnxDb>(o => PnxDbFactory.Configure(o, settings));
            services.AddScoped<PnxDb>(sp => sp.GetRequiredService<PostgresPnxDb>());
        }
        else
        {
            services.AddDbContextPool<SqlitePnxDb>(o => PnxDbFactory.Configure(o, settings, mapReads: true));
            services.AddScoped<PnxDb>(sp => sp.GetRequiredService<SqlitePnxDb>());
        }
    }
}

using Microsoft.AspNetCore.Authentication.JwtBearer;
using Pnx.Api.Clients;
using Pnx.Data;

namespace Pnx.Api.Tokens;

/// <summary>
/// The `Bearer` scheme beside the cookie scheme. Only API policies name it, so a token never opens a page
/// and a cookie never opens the API. Each request re-reads the client: a revoked client fails at once.
/// </summary>
public static class BearerAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<SigningKeys>();
        services.AddAuthentication().AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<SigningKeys>((o, keys) =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = TokenIssuer.ValidationParameters(keys);
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = async context =>
                {
                    if (context.Request.Headers.Authorization.Count > 0) await keys.GetAsync(context.HttpContext.RequestAborted);
                },
                OnTokenValidated = async context =>
                {
                    var clientId = context.Principal?.FindFirst(ApiCaller.ClientIdClaim)?.Value;
                    var db = context.HttpContext.RequestServices.GetRequiredService<PnxDb>();
                    if (clientId is null || await ApiCaller.LoadAsync(context.HttpContext, db, clientId) is null)
                    {
                        context.Fail("the client is unknown or revoked");
                    }
                },
            };
        });
    }
}

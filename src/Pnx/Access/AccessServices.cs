using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pnx.Access.SecondFactor;
using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Access;

/// <summary>One Identity configuration for the CLI and the web host, so a password or lockout rule cannot differ between them.</summary>
public static class AccessServices
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>Registers UserManager and its stores over <see cref="PnxDb"/> (which the caller registers, scoped).</summary>
    public static IdentityBuilder AddPnxAccess(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddIdentityCore<PnxUser>(options =>
            {
                // Length, a list of common passwords and no personal data, no composition rules (NIST SP 800-63B).
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
            })
            .AddEntityFrameworkStores<PnxDb>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<PersonalPasswordValidator>()
            // Under Identity's own name, so every check of an authenticator code accepts each code once.
            .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
    }

    /// <summary>A service provider for CLI verbs and the demo: the configured database plus <see cref="AddPnxAccess"/>. Use one scope per unit of work.</summary>
    public static ServiceProvider CreateProvider(PnxSettings settings, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(settings);
        services.AddScoped(_ => PnxDbFactory.Create(settings));
        services.AddPnxAccess();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }
}

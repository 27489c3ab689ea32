using Pnx.Data;
using Pnx.Hosting;

namespace Pnx.Jobs;

public static class DailyJobsSetup
{
    public static IServiceCollection AddPnxDailyJobs(this IServiceCollection services, PnxSettings settings)
    {
        services.AddSingleton(sp => new DailyJobRunner(
            () => PnxDbFactory.Create(settings), sp.GetRequiredService<TimeProvider>(), DailyJobs.All, sp.GetRequiredService<ILogger<DailyJobRunner>>()));
        services.AddHostedService<DailyJobService>();
        return services;
    }
}

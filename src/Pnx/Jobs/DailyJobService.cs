namespace Pnx.Jobs;

/// <summary>
/// Runs in `pnx serve`: checks the daily jobs at start-up (catching up after downtime) and then every
/// <see cref="DailyJobRunner.CheckInterval"/> on the injected clock, rather than sleeping until midnight: a clock
/// change, a suspended machine or a failed run is noticed at the next check.
/// </summary>
public sealed partial class DailyJobService(DailyJobRunner runner, TimeProvider time, ILogger<DailyJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await runner.RunDueAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // E.g. the database is unreachable for a moment: the next check tries again.
                    LogCheckFailed(logger, e.GetType().Name);
                }

                await Task.Delay(DailyJobRunner.CheckInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server stops.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "daily jobs: the check failed ({Failure}); trying again at the next check")]
    private static partial void LogCheckFailed(ILogger logger, string failure);
}

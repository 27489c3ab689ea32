namespace Pnx.Sessions;

/// <summary>Session lifetimes of issue 3: idle timeout 20 minutes, absolute lifetime 8 hours.</summary>
public static class SessionPolicy
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(20);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(8);

    /// <summary>Activity is written back at most this often, so a busy page does not write on every request.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);
}

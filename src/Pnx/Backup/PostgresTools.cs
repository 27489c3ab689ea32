using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Pnx.Backup;

/// <summary>
/// Runs PostgreSQL's own pg_dump and pg_restore: they copy every table, sequence and constraint exactly,
/// which a hand-written copy would have to keep up with every migration. The connection goes to them through
/// the libpq environment (PGHOST, PGPASSWORD, ...), never on the command line where `ps` would show a password.
/// </summary>
public static class PostgresTools
{
    /// <summary>The tool on PATH, else the newest one under /usr/lib/postgresql/*/bin; null when there is none.</summary>
    public static string? Find(string tool)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, tool);
            if (File.Exists(candidate)) return candidate;
        }

        const string Installed = "/usr/lib/postgresql";
        if (!Directory.Exists(Installed)) return null;
        return Directory.GetDirectories(Installed)
            .Select(version => (Version: int.TryParse(Path.GetFileName(version), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0, Path: Path.Combine(version, "bin", tool)))
            .Where(c => File.Exists(c.Path))
            .OrderByDescending(c => c.Version)
            .Select(c => c.Path)
            .FirstOrDefault();
    }

    public static string Missing(string tool) =>
        $"{tool} was not found on PATH or under /usr/lib/postgresql/*/bin; install the PostgreSQL client tools (e.g. apt-get install postgresql-client) of the server's version or newer.";

    /// <summary>Starts the tool with the connection of <paramref name="connectionString"/> in its environment.</summary>
    public static Process Start(string path, string connectionString, IEnumerable<string> arguments, bool redirectInput = false)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Set(start, "PGHOST", builder.Host);
        Set(start, "PGPORT", builder.Port.ToString(CultureInfo.InvariantCulture));
        Set(start, "PGUSER", builder.Username);
        Set(start, "PGPASSWORD", builder.Password);
        Set(start, "PGDATABASE", builder.Database);
        Set(start, "PGSSLMODE", builder.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Allow => "allow",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        });
        Set(start, "PGCONNECT_TIMEOUT", builder.Timeout.ToString(CultureInfo.InvariantCulture));
        return Process.Start(start) ?? throw new InvalidOperationException(path + " could not be started.");
    }

    /// <summary>Waits for the tool; throws with the tool's own message (names and options, no data) when it failed.</summary>
    public static async Task WaitAsync(Process process, Task<string> errors, string tool, CancellationToken ct)
    {
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var message = await errors;
        if (process.ExitCode != 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{tool} failed (exit {process.ExitCode}): {message.Trim()}"));
    }

    private static void Set(ProcessStartInfo start, string name, string? value)
    {
        // Left out, the variable stays as inherited: libpq then finds a password in PGPASSWORD or ~/.pgpass, as Npgsql did.
        if (!string.IsNullOrEmpty(value)) start.Environment[name] = value;
    }
}

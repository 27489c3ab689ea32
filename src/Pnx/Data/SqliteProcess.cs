using SQLitePCL;

namespace Pnx.Data;

/// <summary>
/// SQLite's settings for the whole process, applied once before its first connection opens. Memory statistics are off:
/// with them SQLite takes one process-wide mutex on every allocation (and compiling a statement allocates often), which
/// the server's threads contend for; nothing here reads those statistics.
/// </summary>
internal static class SqliteProcess
{
    /// <summary>SQLITE_CONFIG_MEMSTATUS.</summary>
    private const int MemoryStatistics = 9;

    static SqliteProcess()
    {
        Batteries_V2.Init();
        // Refused (SQLITE_MISUSE) once SQLite is initialised, by a connection opened before this ran: then it stays on.
        _ = raw.sqlite3_config(MemoryStatistics, 0);
    }

    /// <summary>Runs the static constructor (once).</summary>
    public static void Configure()
    {
    }
}

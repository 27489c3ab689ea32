using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Pnx.Hosting;

namespace Pnx.Data;

/// <summary>Creates the DbContext for the configured engine (contract §2).</summary>
public static class PnxDbFactory
{
    public static PnxDb Create(PnxSettings settings) =>
        settings.UsesPostgres
            ? new PostgresPnxDb(Configure(new DbContextOptionsBuilder<PostgresPnxDb>(), settings))
            : new SqlitePnxDb(Configure(new DbContextOptionsBuilder<SqlitePnxDb>(), settings));

    public static DbContextOptions<T> Configure<T>(DbContextOptionsBuilder<T> builder, PnxSettings settings)
        where T : DbContext
    {
        Configure((DbContextOptionsBuilder)builder, settings);
        return builder.Options;
    }

    /// <param name="mapReads">
    /// SQLite reads the database file through a memory map (the web server's request contexts): every commit of another
    /// connection (each view's audit entry) empties a connection's page cache, so a view reads its pages again, and from a
    /// map that costs no system call and no copy per page (the map is dropped and faulted in again as well: see
    /// <see cref="SqlitePragmas.MappedReads"/>). Not for the CLI: mapped pages count in a process's resident memory, and an
    /// import's is bounded (contract: 1,000,000 rows in under 500 MB).
    /// </param>
    public static void Configure(DbContextOptionsBuilder builder, PnxSettings settings, bool mapReads = false)
    {
        // A query that loads several collections is one statement by choice (the request's access query: session, grants and
        // the workspace's protocols in one round trip); said here, EF Core does not warn about it at every start.
        if (settings.UsesPostgres)
        {
            builder.UseNpgsql(PostgresConnectionString(settings), o => o.CommandTimeout(300).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery));
        }
        else
        {
            SqliteProcess.Configure();
            builder.UseSqlite(SqliteConnectionString(settings), o => o.CommandTimeout(300).UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(mapReads ? SqlitePragmas.MappedReads : SqlitePragmas.Instance);
        }

        if (CompiledModel(settings.UsesPostgres ? typeof(PostgresPnxDb) : typeof(SqlitePnxDb)) is { } model) builder.UseModel(model);
    }

    private static readonly ConcurrentDictionary<Type, IModel?> CompiledModels = new();

    /// <summary>
    /// The engine's compiled model (Data/CompiledModels), found once. Left to itself EF Core looks for it among the
    /// assembly's attributes for every new context, that is on every request; given here, it is used as is. Design-time
    /// tools still build the model from the code, and a missing compiled model (while regenerating it) leaves EF Core
    /// building it.
    /// </summary>
    private static IModel? CompiledModel(Type context) => CompiledModels.GetOrAdd(context, type =>
        type.Assembly.GetCustomAttributes(typeof(DbContextModelAttribute), inherit: false).Cast<DbContextModelAttribute>()
            .Where(a => a.ContextType == type)
            .Select(a => (IModel?)a.ModelType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .FirstOrDefault());

    public static string SqliteConnectionString(PnxSettings settings) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = settings.SqlitePath,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();

    /// <summary>
    /// The operator's connection string (contract §2), with Npgsql's automatic preparation switched on unless the operator
    /// set it: a statement run twice on a physical connection is prepared there, so PostgreSQL parses and plans each of
    /// the pages' few dozen statements once per connection instead of on every request.
    /// </summary>
    public static string PostgresConnectionString(PnxSettings settings)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = settings.PostgresConnectionString };
        var keys = given.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(settings.PostgresConnectionString);
        if (!keys.Contains("MaxAutoPrepare")) builder.MaxAutoPrepare = AutoPreparedStatements;
        if (!keys.Contains("AutoPrepareMinUsages")) builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    /// <summary>Prepared statements kept per physical PostgreSQL connection (the least used make way).</summary>
    public const int AutoPreparedStatements = 128;

    /// <summary>Creates the data folder and brings the schema up to date, without data loss.</summary>
    public static async Task MigrateAsync(PnxSettings settings, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(settings, cancellationToken);
    }

    /// <summary>
    /// A context on a schema brought up to date first. The check and the verb's work share this one context (and its
    /// connection): a second context would repeat EF Core's per-context set-up, a second connection its handshake.
    /// </summary>
    public static async Task<PnxDb> OpenAsync(PnxSettings settings, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(settings.DataDir);
        var db = Create(settings);
        try
        {
            // EF Core's migrator diffs the model and takes a migration lock even when there is nothing to do;
            // a verb on a current database only reads the last applied migration's id.
            if (!await SchemaVersion.IsCurrentAsync(db, settings, cancellationToken))
            {
                await db.Database.MigrateAsync(cancellationToken);
                if (db.Engine == DatabaseEngine.Sqlite)
                {
                    // WAL lets readers and the one writer work side by side; the setting is stored in the file.
                    await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                }
            }

            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Per-connection SQLite settings: durable commits, enforced foreign keys, and SQLite's own wait for the write lock;
    /// for the web's request contexts also reads through a memory map. EF opens a pooled connection for every query, so
    /// they are applied once per physical connection (its native handle), not on every open. The web's contexts and the
    /// server's others share Microsoft.Data.Sqlite's pool: a connection the web has mapped stays mapped for them.
    /// </summary>
    private sealed class SqlitePragmas(string pragmas) : DbConnectionInterceptor
    {
        // A writer that finds the write lock taken (the audit log's group commit holds it for a few milliseconds) waits in
        // SQLite's busy handler, which retries within a millisecond or two at first; without it Microsoft.Data.Sqlite
        // retries after 150 ms sleeps, so that every session touch meeting an audit commit cost its request 150 ms or more.
        // Past this wait, Microsoft.Data.Sqlite's own retries go on until the command times out, as before.
        private const string Common = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

        public static readonly SqlitePragmas Instance = new(Common);

        /// <summary>
        /// Also maps up to 2 GB of the file (SQLite's own ceiling) for reading. Measured, not free: a connection that finds
        /// another's commit since its last read (every view's audit entry) drops its whole map and faults the pages in again;
        /// with perf on "mijn inburgeraars" (200 scattered rows) about a quarter of the server's CPU was that unmapping and
        /// faulting, and the page cache without a map is emptied the same way (its reads then copy every page), which cost more.
        /// </summary>
        public static readonly SqlitePragmas MappedReads = new(Common + " PRAGMA mmap_size=2147418112;");

        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> _applied = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private void Apply(DbConnection connection)
        {
            if (connection is SqliteConnection { Handle: { } handle })
            {
                if (_applied.TryGetValue(handle, out _)) return;
                Run(connection);
                _applied.AddOrUpdate(handle, this);
                return;
            }

            Run(connection);
        }

        private void Run(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
        }
    }
}

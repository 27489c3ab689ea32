using System.Data.Common;

namespace Pnx.Data;

/// <summary>
/// SQLite triggers set aside for one bulk write: dropped inside the caller's transaction, the write runs, and they are
/// created again from their own stored definitions (<c>sqlite_master</c>), so the migration that made them stays their only
/// source. The transaction holds SQLite's one write lock, so no other writer runs while they are gone, and a rollback
/// brings them back with everything else. For writes that do row by row what one statement does at once (the name index,
/// the newcomers' stamp).
/// </summary>
public static class SqliteTriggers
{
    public static async Task SuspendedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> triggers, Func<Task> write, CancellationToken ct)
    {
        var definitions = new List<string>();
        foreach (var trigger in triggers)
        {
            definitions.Add((string?)await ScalarAsync(connection, transaction, $"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = '{trigger}'", ct)
                ?? throw new InvalidOperationException($"The trigger {trigger} is missing: is the database migrated?"));
            await ScalarAsync(connection, transaction, $"DROP TRIGGER {trigger}", ct);
        }

        await write();
        foreach (var definition in definitions) await ScalarAsync(connection, transaction, definition, ct);
    }

    /// <summary>One statement on the transaction's connection; its first value.</summary>
    public static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}

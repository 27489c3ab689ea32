using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pnx.Imports;

/// <summary>
/// One prepared INSERT into SQLite's staging table, bound by position and stepped directly: Microsoft.Data.Sqlite
/// looks every parameter up by name and converts every string to UTF-8 in managed memory on each execution,
/// which made staging cost as much as reading and validating the file. The values are bound as
/// Microsoft.Data.Sqlite binds them (text, integer, a date as <c>yyyy-MM-dd</c> text, null), so the staged
/// rows compare equal to the stored ones. It runs inside whatever transaction the connection holds.
/// </summary>
internal sealed class SqliteStagingInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private byte[] _utf8 = new byte[1024];

    public SqliteStagingInsert(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The import's connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
    }

    /// <summary>Binds the 1-based parameter <paramref name="index"/>.</summary>
    public void Bind(int index, object? value) => Check(value switch
    {
        null => raw.sqlite3_bind_null(_statement, index),
        string text => BindText(index, text),
        int number => raw.sqlite3_bind_int64(_statement, index, number),
        long number => raw.sqlite3_bind_int64(_statement, index, number),
        DateOnly date => BindText(index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => throw new InvalidOperationException($"No SQLite binding for {value.GetType().Name}."),
    });

    // Encoded into one reused buffer; SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free again at once.
    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < length) _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        var written = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_statement, index, _utf8.AsSpan(0, written));
    }

    /// <summary>Runs the insert with the bound values and makes the statement ready for the next row.</summary>
    public void Step()
    {
        var result = raw.sqlite3_step(_statement);
        var reset = raw.sqlite3_reset(_statement);
        if (result != raw.SQLITE_DONE) Check(result);
        Check(reset);
    }

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _db);
    }
}

using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pnx.Imports;

/// <summary>
/// Prepared INSERTs into SQLite's staging table, bound by position and stepped directly: Microsoft.Data.Sqlite
/// looks every parameter up by name and converts every string to UTF-8 in managed memory on each execution,
/// which made staging cost as much as reading and validating the file. Rows go in <see cref="RowsPerStatement"/>
/// at a time (one statement of that many value lists), the rest of a batch one by one: each step of a statement
/// starts SQLite's virtual machine anew. The values are bound as Microsoft.Data.Sqlite binds them (text,
/// integer, a date as <c>yyyy-MM-dd</c> text, null), so the staged rows compare equal to the stored ones. It
/// runs inside whatever transaction the connection holds.
/// </summary>
internal sealed class SqliteStagingInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _many;
    private readonly sqlite3_stmt _one;
    private readonly int _columns;
    private sqlite3_stmt _current;
    private int _offset;
    private byte[] _utf8 = new byte[1024];

    /// <param name="table">The staging table; its columns are given values in their order.</param>
    /// <param name="columns">How many columns a row has.</param>
    /// <param name="rowsPerStatement">How many rows one step of the larger statement inserts.</param>
    public SqliteStagingInsert(SqliteConnection connection, string table, int columns, int rowsPerStatement)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The import's connection is not open.");
        _columns = columns;
        RowsPerStatement = rowsPerStatement;
        var row = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
        Check(raw.sqlite3_prepare_v2(_db, $"INSERT INTO {table} VALUES {string.Join(", ", Enumerable.Repeat(row, rowsPerStatement))}", out _many));
        Check(raw.sqlite3_prepare_v2(_db, $"INSERT INTO {table} VALUES {row}", out _one));
        _current = _one;
    }

    public int RowsPerStatement { get; }

    /// <summary>Starts the values of <see cref="RowsPerStatement"/> rows (<paramref name="many"/>) or of one row.</summary>
    public void Start(bool many)
    {
        _current = many ? _many : _one;
        _offset = 0;
    }

    /// <summary>Moves on to the next row's values within the statement started.</summary>
    public void NextRow() => _offset += _columns;

    /// <summary>Binds the current row's column <paramref name="column"/> (0-based).</summary>
    public void Bind(int column, object? value)
    {
        var index = _offset + column + 1;
        Check(value switch
        {
            null => raw.sqlite3_bind_null(_current, index),
            string text => BindText(index, text),
            int number => raw.sqlite3_bind_int64(_current, index, number),
            long number => raw.sqlite3_bind_int64(_current, index, number),
            DateOnly date => BindText(index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new InvalidOperationException($"No SQLite binding for {value.GetType().Name}."),
        });
    }

    // Encoded into one reused buffer; SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer is free again at once.
    private int BindText(int index, string text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8.Length < length) _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        var written = Encoding.UTF8.GetBytes(text, _utf8);
        return raw.sqlite3_bind_text(_current, index, _utf8.AsSpan(0, written));
    }

    /// <summary>Runs the statement started with the bound values and makes it ready for the next rows.</summary>
    public void Step()
    {
        var result = raw.sqlite3_step(_current);
        var reset = raw.sqlite3_reset(_current);
        if (result != raw.SQLITE_DONE) Check(result);
        Check(reset);
    }

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(result, _db);
    }
}

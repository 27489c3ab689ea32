using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;
using Pnx.Data;

namespace Pnx.Audit;

/// <summary>
/// The single row that names the newest link of the chain. Appends lock it (serialising writers
/// across server instances) and verification compares it with the last entry, so that removing
/// the newest entries is detected too. An empty chain's head is seq 0 with the genesis hash (64 zeros).
/// </summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long Seq { get; set; }

    public required string Hash { get; set; }

    /// <summary>"SEQ HASH", what `pnx audit head` prints and a witness keeps outside the system.</summary>
    public string Line => string.Create(CultureInfo.InvariantCulture, $"{Seq} {Hash}");

    /// <summary>"SEQ:HASH", the value of `pnx audit verify --expect`.</summary>
    public string Expectation => string.Create(CultureInfo.InvariantCulture, $"{Seq}:{Hash}");

    /// <summary>
    /// One plain command on the context's connection and transaction, not a LINQ query: a process's first LINQ query
    /// costs EF Core about 0.1 s to translate and compile, most of what `pnx audit head` does. An append reads it with
    /// <paramref name="lockForUpdate"/>, which locks the row for the rest of the transaction: on PostgreSQL a row lock
    /// serialises all instances; SQLite transactions here begin IMMEDIATE and already hold the one write lock.
    /// </summary>
    public static async Task<AuditHead> ReadAsync(PnxDb db, CancellationToken cancellationToken, bool lockForUpdate = false)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = string.Create(CultureInfo.InvariantCulture, $"SELECT \"Seq\", \"Hash\" FROM {Table} WHERE \"Id\" = {SingletonId}{(lockForUpdate && db.Engine == DatabaseEngine.Postgres ? " FOR UPDATE" : "")}");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException("The audit head row is missing.");
            return new AuditHead { Id = SingletonId, Seq = reader.GetInt64(0), Hash = reader.GetString(1) };
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    internal const string Table = "audit_head";
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.ToTable(AuditHead.Table);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64).IsFixedLength();
        builder.Ignore(h => h.Line);
        builder.Ignore(h => h.Expectation);
        builder.HasData(new AuditHead { Id = AuditHead.SingletonId, Seq = 0, Hash = AuditHash.Genesis });
    }
}

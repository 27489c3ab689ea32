using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pnx.Access;
using Pnx.Api.Clients;
using Pnx.Api.Tokens;
using Pnx.Activities;
using Pnx.CaseWork;
using Pnx.Enrolments;
using Pnx.Audit;
using Pnx.Municipalities;
using Pnx.Newcomers;
using Pnx.Protocols;
using Pnx.Registers;
using Pnx.Sessions;
using Pnx.Trajectories;

namespace Pnx.Data;

/// <summary>
/// The one DbContext. Each engine has its own subclass only so that EF Core keeps one set of
/// migrations per provider (<see cref="SqlitePnxDb"/>, <see cref="PostgresPnxDb"/>).
/// </summary>
public abstract class PnxDb(DbContextOptions options) : IdentityUserContext<PnxUser>(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<Protocol> Protocols => Set<Protocol>();

    public DbSet<Newcomer> Newcomers => Set<Newcomer>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<ActivityShare> ActivityShares => Set<ActivityShare>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<EnrolmentStatusChange> EnrolmentStatusChanges => Set<EnrolmentStatusChange>();

    public DbSet<ContactLogEntry> ContactLog => Set<ContactLogEntry>();

    public DbSet<NewcomerAssignment> NewcomerAssignments => Set<NewcomerAssignment>();

    public DbSet<TrajectoryFacts> TrajectoryFacts => Set<TrajectoryFacts>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Retention.DeletionRecord> DeletionRecords => Set<Retention.DeletionRecord>();

    public DbSet<FunctionProfile> FunctionProfiles => Set<FunctionProfile>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<Processor> Processors => Set<Processor>();

    public DbSet<DpoContact> DpoContacts => Set<DpoContact>();

    public DbSet<ActivationToken> ActivationTokens => Set<ActivationToken>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    public DbSet<TokenSigningKey> TokenSigningKeys => Set<TokenSigningKey>();

    public DbSet<Imports.Upload.StagedUpload> StagedUploads => Set<Imports.Upload.StagedUpload>();

    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();

    /// <summary>Data protection keys live in the database so that every server instance reads the same cookies.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public abstract DatabaseEngine Engine { get; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        // Identity's user, claim, login and token tables; no role tables: roles come from grants.
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PnxDb).Assembly);
    }
}

public enum DatabaseEngine
{
    Sqlite,
    Postgres,
}

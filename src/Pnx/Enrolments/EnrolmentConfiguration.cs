using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Enrolments;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments");
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.CreatedBy).HasMaxLength(100);
        builder.Property(e => e.StatusBy).HasMaxLength(100);
        builder.Property(e => e.HoursConfirmedBy).HasMaxLength(100);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne(e => e.Municipality).WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Newcomer).WithMany().HasForeignKey(e => e.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.Activity).WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.MunicipalityId, e.NewcomerId });
        builder.HasIndex(e => new { e.ActivityId, e.Status });
        // A newcomer's enrolments by status and their hours (the hours summary's triggers), without touching rows.
        builder.HasIndex(e => new { e.NewcomerId, e.Status, e.Hours });
        // The newcomer list's "has an enrolment in status X": the municipality's newcomers in that status, read from here
        // rather than a probe per newcomer of a whole municipality.
        builder.HasIndex(e => new { e.MunicipalityId, e.Status, e.NewcomerId });
    }
}

internal sealed class EnrolmentStatusChangeConfiguration : IEntityTypeConfiguration<EnrolmentStatusChange>
{
    public void Configure(EntityTypeBuilder<EnrolmentStatusChange> builder)
    {
        builder.ToTable("enrolment_status_changes");
        builder.Property(c => c.MunicipalityNis).HasMaxLength(5);
        builder.Property(c => c.DossierNumber).HasMaxLength(32);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(c => c.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Actor).HasMaxLength(100);
        // No foreign key to the enrolment: the reported history outlives the enrolment's personal data.
        builder.HasIndex(c => c.EnrolmentId);
        builder.HasIndex(c => new { c.MunicipalityId, c.Id });
    }
}

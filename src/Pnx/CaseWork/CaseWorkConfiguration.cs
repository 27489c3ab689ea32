using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.CaseWork;

internal sealed class ContactLogEntryConfiguration : IEntityTypeConfiguration<ContactLogEntry>
{
    public void Configure(EntityTypeBuilder<ContactLogEntry> builder)
    {
        builder.ToTable("contact_log");
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Note).HasMaxLength(ContactLogEntry.NoteMaxLength);
        builder.Property(c => c.Actor).HasMaxLength(100);
        builder.HasOne(c => c.Newcomer).WithMany().HasForeignKey(c => c.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.NewcomerId, c.At });
        builder.HasIndex(c => c.MunicipalityId);
    }
}

internal sealed class NewcomerAssignmentConfiguration : IEntityTypeConfiguration<NewcomerAssignment>
{
    public void Configure(EntityTypeBuilder<NewcomerAssignment> builder)
    {
        builder.ToTable("newcomer_assignments");
        builder.HasKey(a => a.NewcomerId);
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.HasOne(a => a.Newcomer).WithOne().HasForeignKey<NewcomerAssignment>(a => a.NewcomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.MunicipalityId, a.UserId });
    }
}

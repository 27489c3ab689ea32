using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.Property(a => a.Title).HasMaxLength(150);
        builder.Property(a => a.Description).HasMaxLength(2000);
        builder.Property(a => a.Organiser).HasMaxLength(150);
        builder.Property(a => a.ContactPerson).HasMaxLength(100);
        builder.Property(a => a.ContactEmail).HasMaxLength(254);
        builder.Property(a => a.ContactPhone).HasMaxLength(20);
        builder.Property(a => a.Address).HasMaxLength(150);
        builder.Property(a => a.PostalCode).HasMaxLength(4);
        builder.Property(a => a.City).HasMaxLength(100);
        builder.Property(a => a.MinimumDutchLevel).HasConversion<string>().HasMaxLength(4);
        builder.Property(a => a.Languages).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Municipality).WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.MunicipalityId, a.Title });
        builder.HasMany(a => a.SharedWith).WithOne().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivityShareConfiguration : IEntityTypeConfiguration<ActivityShare>
{
    public void Configure(EntityTypeBuilder<ActivityShare> builder)
    {
        builder.ToTable("activity_shares");
        builder.HasKey(s => new { s.ActivityId, s.MunicipalityId });
        builder.HasOne(s => s.Municipality).WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.MunicipalityId);
    }
}

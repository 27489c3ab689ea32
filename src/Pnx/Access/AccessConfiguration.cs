using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pnx.Access;

internal sealed class PnxUserConfiguration : IEntityTypeConfiguration<PnxUser>
{
    public void Configure(EntityTypeBuilder<PnxUser> builder)
    {
        builder.ToTable("users");
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        // Identity's UserStore.UpdateAsync writes every column of the user it loaded; a stale step written back
        // would undo the compare-and-set and let a used code work again. Only ExecuteUpdate writes this column.
        builder.Property(u => u.TotpLastStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder) => builder.ToTable("user_claims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder) => builder.ToTable("user_logins");
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<string>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("user_tokens");
}

internal sealed class ActivationTokenConfiguration : IEntityTypeConfiguration<ActivationToken>
{
    public void Configure(EntityTypeBuilder<ActivationToken> builder)
    {
        builder.ToTable("activation_tokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasOne<PnxUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FunctionProfileConfiguration : IEntityTypeConfiguration<FunctionProfile>
{
    public void Configure(EntityTypeBuilder<FunctionProfile> builder)
    {
        builder.ToTable("function_profiles");
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Description).HasMaxLength(FunctionProfiles.DescriptionMaxLength);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(40);
        builder.HasIndex(p => new { p.MunicipalityId, p.Name }).IsUnique();
        builder.HasOne(p => p.Municipality).WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.ToTable("grants", t => t.HasCheckConstraint(
            "ck_grants_scope",
            "(\"MunicipalityId\" IS NULL AND \"FunctionProfileId\" IS NULL) OR (\"MunicipalityId\" IS NOT NULL AND \"FunctionProfileId\" IS NOT NULL)"));
        builder.Property(g => g.Role).HasConversion<string>().HasMaxLength(40);
        builder.HasOne(g => g.User).WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.Municipality).WithMany().HasForeignKey(g => g.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(g => g.FunctionProfile).WithMany().HasForeignKey(g => g.FunctionProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PnxUser>().WithMany().HasForeignKey(g => g.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PnxUser>().WithMany().HasForeignKey(g => g.ApprovedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PnxUser>().WithMany().HasForeignKey(g => g.RecertifiedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PnxUser>().WithMany().HasForeignKey(g => g.RevokedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.UserId, g.RevokedAt });
        builder.HasIndex(g => g.ExpiresAt);
    }
}

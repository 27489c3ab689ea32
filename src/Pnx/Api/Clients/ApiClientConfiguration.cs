using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pnx.Api.Tokens;

namespace Pnx.Api.Clients;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("api_clients");
        builder.Property(c => c.Id).HasMaxLength(40);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.SecretHash).HasMaxLength(200);
        builder.Property(c => c.Owner).HasMaxLength(100);
        builder.Property(c => c.RevokedBy).HasMaxLength(100);
        builder.HasOne(c => c.Municipality).WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TokenSigningKeyConfiguration : IEntityTypeConfiguration<TokenSigningKey>
{
    public void Configure(EntityTypeBuilder<TokenSigningKey> builder)
    {
        builder.ToTable("api_signing_keys");
        builder.Property(k => k.Id).ValueGeneratedNever();
    }
}

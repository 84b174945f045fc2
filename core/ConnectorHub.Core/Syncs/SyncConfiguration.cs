using ConnectorHub.Core.Connections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectorHub.Core.Syncs;

internal sealed class SyncConfiguration : IEntityTypeConfiguration<Sync>
{
    public void Configure(EntityTypeBuilder<Sync> builder)
    {
        builder.ToTable("syncs");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasOne<Connection>().WithMany().HasForeignKey(s => s.SourceConnectionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Connection>().WithMany().HasForeignKey(s => s.DestinationConnectionId).OnDelete(DeleteBehavior.Restrict);
    }
}

using ConnectorHub.Core.Syncs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ConnectorHub.Core.Runs;

internal sealed class RunConfiguration : IEntityTypeConfiguration<Run>
{
    public void Configure(EntityTypeBuilder<Run> builder)
    {
        builder.ToTable("runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Trigger).HasConversion<string>();
        builder.Property(r => r.Status).HasConversion<string>();
        builder.Property(r => r.ErrorCategory).HasConversion<string>();
        builder.HasOne<Sync>().WithMany().HasForeignKey(r => r.SyncId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Streams).WithOne().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RunStreamStatsConfiguration : IEntityTypeConfiguration<RunStreamStats>
{
    public void Configure(EntityTypeBuilder<RunStreamStats> builder)
    {
        builder.ToTable("run_streams");
        builder.HasKey(s => new { s.RunId, s.Stream });
    }
}

internal sealed class CheckpointConfiguration : IEntityTypeConfiguration<Checkpoint>
{
    public void Configure(EntityTypeBuilder<Checkpoint> builder)
    {
        builder.ToTable("checkpoints");
        builder.HasKey(c => new { c.SyncId, c.Stream });
        builder.HasOne<Sync>().WithMany().HasForeignKey(c => c.SyncId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RejectedRecordConfiguration : IEntityTypeConfiguration<RejectedRecord>
{
    public void Configure(EntityTypeBuilder<RejectedRecord> builder)
    {
        builder.ToTable("rejected_records");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Stage).HasConversion<string>();
    }
}

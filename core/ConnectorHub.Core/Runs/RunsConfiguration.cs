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
        builder.HasIndex(r => new { r.SyncId, r.QueuedAt }).HasDatabaseName("ix_runs_sync_id_queued_at");
        builder.HasIndex(r => r.Status).HasDatabaseName("ix_runs_status");
        builder.HasIndex(r => new { r.SyncId, r.ScheduledFor }).IsUnique().HasDatabaseName("ux_runs_sync_id_scheduled_for");
        builder.HasIndex(r => r.ResumedRunId).IsUnique().HasDatabaseName("ux_runs_resumed_run_id");
        builder.HasIndex(r => r.SyncId).IsUnique().HasFilter("status = 'Running'").HasDatabaseName("ux_runs_one_running_per_sync");
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
        builder.HasIndex(r => r.RunId).HasDatabaseName("ix_rejected_records_run_id");
        builder.HasIndex(r => r.SyncId).HasDatabaseName("ix_rejected_records_sync_id");
        builder.Property(r => r.Stage).HasConversion<string>();
    }
}

using Microsoft.EntityFrameworkCore;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// The hub's EF Core model, the same on SQLite and PostgreSQL. Each capability configures its own entities with an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> in its folder; tables and columns are snake_case on both providers.
/// The schema itself is created and upgraded by <see cref="SchemaMigrator"/>, not by EF.
/// </summary>
public sealed class HubDbContext(DbContextOptions<HubDbContext> options) : DbContext(options)
{
    /// <summary>Whether this context talks to SQLite.</summary>
    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HubDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset values, so they are stored as UTC unix milliseconds there;
        // PostgreSQL stores timestamptz, which only accepts UTC offsets.
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        }
        else
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace ConnectorHub.Core.Storage;

/// <summary>
/// The hub's EF Core model, the same on SQLite and PostgreSQL. Each capability configures its own entities with an
/// <see cref="IEntityTypeConfiguration{TEntity}"/> in its folder; tables and columns are snake_case on both providers.
/// The schema itself is created and upgraded by <see cref="SchemaMigrator"/>, not by EF; the model declares the same
/// indexes as the migrations, and the integration tests' schema agreement check fails when the two drift apart.
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
        // Indexes are the migrations' to decide and the configurations declare them; EF must not invent one per foreign key.
        configurationBuilder.Conventions.Remove<ForeignKeyIndexConvention>();

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

using ConnectorHub.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ConnectorHub.Integration.Tests.Storage.Schema;

/// <summary>The schema the hub's EF Core model (<see cref="HubDbContext"/> and the capabilities' configurations) describes on one provider.</summary>
internal static class EfModelSchemaReader
{
    public static StoreSchema Read(StorageProvider provider)
    {
        var options = new DbContextOptionsBuilder<HubDbContext>();
        _ = provider == StorageProvider.Postgres ? options.UseNpgsql("Host=127.0.0.1") : options.UseSqlite("Data Source=:memory:");
        using var context = new HubDbContext(options.Options);
        var model = context.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        Func<string, TypeClass> typeClass = provider == StorageProvider.Postgres ? TypeClasses.OfPostgres : TypeClasses.OfSqlite;
        return new StoreSchema($"the EF model on {provider}", model.Tables.ToDictionary(t => t.Name, t => new TableSchema(
            t.Name,
            t.Columns.ToDictionary(c => c.Name, c => new ColumnSchema(c.Name, typeClass(c.StoreType), c.IsNullable, c.StoreType), StringComparer.Ordinal),
            t.PrimaryKey?.Columns.Select(c => c.Name).ToArray() ?? [],
            t.Indexes.Select(Index).Concat(t.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()).Select(u => new IndexSchema(string.Join(", ", u.Columns.Select(c => c.Name)), true, null))).ToHashSet()),
            StringComparer.Ordinal));
    }

    private static IndexSchema Index(ITableIndex index)
    {
        var descending = index.MappedIndexes.First().IsDescending;
        var columns = index.Columns.Select((c, i) => descending is { Count: > 0 } && descending[i] ? $"{c.Name} desc" : c.Name);
        return new IndexSchema(string.Join(", ", columns), index.IsUnique, IndexSchema.NormalisePredicate(index.Filter));
    }
}

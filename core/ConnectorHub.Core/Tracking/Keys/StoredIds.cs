using ConnectorHub.Core.Storage;

namespace ConnectorHub.Core.Tracking.Keys;

/// <summary>Guids as each store keeps them: uuid on PostgreSQL, text on SQLite (as EF Core writes them).</summary>
internal static class StoredIds
{
    public static object Write(StorageProvider provider, Guid id) => provider == StorageProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    public static Guid Read(object value) => value switch
    {
        Guid id => id,
        string text => Guid.Parse(text),
        _ => throw new InvalidCastException($"Unexpected stored id {value.GetType().Name}."),
    };
}

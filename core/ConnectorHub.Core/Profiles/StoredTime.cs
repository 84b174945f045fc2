using ConnectorHub.Core.Storage;

namespace ConnectorHub.Core.Profiles;

/// <summary>Reads and writes times as each store keeps them: timestamptz on PostgreSQL, unix milliseconds on SQLite.</summary>
internal static class StoredTime
{
    public static DateTimeOffset Read(object value) => value switch
    {
        long ms => DateTimeOffset.FromUnixTimeMilliseconds(ms),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset time => time,
        _ => throw new InvalidCastException($"Unexpected stored time {value.GetType().Name}."),
    };

    public static DateTimeOffset? ReadNullable(object? value) => value is null or DBNull ? null : Read(value);

    public static object Write(StorageProvider provider, DateTimeOffset value) =>
        provider == StorageProvider.Sqlite ? SqliteTime.Write(value) : value.ToUniversalTime();
}

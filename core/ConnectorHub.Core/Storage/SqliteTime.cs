namespace ConnectorHub.Core.Storage;

/// <summary>Timestamps on SQLite: UTC unix milliseconds, as the EF converters store them.</summary>
internal static class SqliteTime
{
    public static long Write(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset Read(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);
}

using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ConnectorHub.Core.Storage;

/// <summary>Stores a timestamp as UTC unix milliseconds (SQLite).</summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    stored => DateTimeOffset.FromUnixTimeMilliseconds(stored));

/// <summary>Normalises a timestamp to UTC (PostgreSQL timestamptz accepts only offset zero).</summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    stored => stored);

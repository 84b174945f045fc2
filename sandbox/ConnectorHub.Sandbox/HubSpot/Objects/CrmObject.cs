using System.Globalization;

namespace ConnectorHub.Sandbox.HubSpot.Objects;

/// <summary>
/// One stored CRM object. Immutable: an update replaces the instance, so a page taken under the store's lock can
/// be written out after the lock is released.
/// </summary>
internal sealed record CrmObject(long Id, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool Archived, DateTimeOffset? ArchivedAt, string?[] Values)
{
    /// <summary>HubSpot's timestamp format: ISO 8601 in UTC with milliseconds.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Truncates to whole milliseconds, HubSpot's precision.</summary>
    public static DateTimeOffset ToMilliseconds(DateTimeOffset time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.ToUnixTimeMilliseconds());

    /// <summary>The numeric form of a property (epoch milliseconds for times) without formatting computed ones.</summary>
    public double? NumberOf(CrmObjectType type, string property, CrmPropertyKind kind)
    {
        if (property == CrmObjectType.IdProperty)
        {
            return Id;
        }

        if (property == CrmObjectType.CreatedProperty)
        {
            return CreatedAt.ToUnixTimeMilliseconds();
        }

        return property == type.ModifiedProperty
            ? UpdatedAt.ToUnixTimeMilliseconds()
            : Search.SearchValue.AsNumber(kind, Get(type, property));
    }

    /// <summary>The value of <paramref name="property"/> as HubSpot returns it (computed ones included), or null.</summary>
    public string? Get(CrmObjectType type, string property)
    {
        if (property == CrmObjectType.IdProperty)
        {
            return Id.ToString(CultureInfo.InvariantCulture);
        }

        if (property == CrmObjectType.CreatedProperty)
        {
            return FormatTime(CreatedAt);
        }

        if (property == type.ModifiedProperty)
        {
            return FormatTime(UpdatedAt);
        }

        var index = type.IndexOf(property);
        return index < 0 ? null : Values[index];
    }
}

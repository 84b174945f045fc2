using System.Text.Json;
using ConnectorHub.Sandbox.HubSpot.Objects;

namespace ConnectorHub.Sandbox.HubSpot.Api;

/// <summary>HubSpot's object JSON: <c>id</c>, <c>properties</c> (all strings or null), times and <c>archived</c>.</summary>
internal static class ObjectJson
{
    /// <summary>
    /// The properties to return: the type's defaults when none are named, else the named ones HubSpot knows plus
    /// the id, created and modified properties it always returns. Unknown names are left out, as HubSpot does.
    /// </summary>
    public static IReadOnlyList<string> ResolveProperties(CrmObjectType type, IEnumerable<string> requested)
    {
        var named = requested.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        var chosen = named.Length == 0 ? type.DefaultProperties : named.Where(type.HasProperty).Concat(type.AlwaysReturned);
        return chosen.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    public static void Write(Utf8JsonWriter writer, CrmObjectType type, CrmObject item, IReadOnlyList<string> properties)
    {
        writer.WriteStartObject();
        writer.WriteString("id", item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteStartObject("properties");
        foreach (var property in properties)
        {
            var value = item.Get(type, property);
            if (value is null)
            {
                writer.WriteNull(property);
            }
            else
            {
                writer.WriteString(property, value);
            }
        }

        writer.WriteEndObject();
        writer.WriteString("createdAt", CrmObject.FormatTime(item.CreatedAt));
        writer.WriteString("updatedAt", CrmObject.FormatTime(item.UpdatedAt));
        writer.WriteBoolean("archived", item.Archived);
        if (item.ArchivedAt is { } archivedAt)
        {
            writer.WriteString("archivedAt", CrmObject.FormatTime(archivedAt));
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{"total"?, "results":[...], "paging"?}</c>; no <c>paging</c> key on the last page.</summary>
    public static void WritePage(Utf8JsonWriter writer, HttpRequest request, CrmObjectType type, IReadOnlyList<CrmObject> page, IReadOnlyList<string> properties, string? nextAfter, int? total = null)
    {
        writer.WriteStartObject();
        if (total is { } count)
        {
            writer.WriteNumber("total", count);
        }

        writer.WriteStartArray("results");
        foreach (var item in page)
        {
            Write(writer, type, item, properties);
        }

        writer.WriteEndArray();
        if (nextAfter is not null)
        {
            writer.WriteStartObject("paging");
            writer.WriteStartObject("next");
            writer.WriteString("after", nextAfter);
            writer.WriteString("link", HubSpotResponses.NextLink(request, nextAfter));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Destinations;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.Mailchimp.Configuration;

/// <summary>A sync's target and options, from <see cref="WriteRequest.Settings"/>.</summary>
/// <param name="ListId">The audience (list) id.</param>
/// <param name="StatusIfNew">The status of members the sync creates: subscribed, pending or transactional.</param>
/// <param name="UpdateExistingStatus">Whether existing members' status is set to <paramref name="StatusIfNew"/> too.</param>
/// <param name="MergeFields">Member field or trait name to merge tag; null for the defaults.</param>
/// <param name="Tags">Tags applied to every member of the sync (besides each member's own).</param>
/// <param name="RemoveAction">What a removal does: archive, unsubscribe or untag.</param>
internal sealed record ListSettings(
    string ListId,
    string StatusIfNew,
    bool UpdateExistingStatus,
    IReadOnlyDictionary<string, string>? MergeFields,
    IReadOnlyList<string> Tags,
    RemoveAction RemoveAction)
{
    public static ListSettings From(WriteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = request.Settings;
        var listId = Text(settings, "list_id");
        if (string.IsNullOrWhiteSpace(listId))
        {
            throw new ConfigurationException("The sync setting 'list_id' is required: the Audience ID from Mailchimp's Audience > Settings > Audience name and defaults.");
        }

        var status = OneOf(settings, "status_if_new", "subscribed", ["subscribed", "pending", "transactional"]);
        var existing = OneOf(settings, "existing_member_status", "keep", ["keep", "update"]);
        var remove = OneOf(settings, "remove_action", "archive", ["archive", "unsubscribe", "untag"]);
        var tags = settings["tags"] switch
        {
            null => [],
            JsonArray array => array.Select(t => t is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>().Trim() : throw Wrong("tags", "a list of tag names")).Where(t => t.Length > 0).ToArray(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => throw Wrong("tags", "a list of tag names"),
        };
        if (remove == "untag" && tags.Length == 0)
        {
            throw new ConfigurationException("The sync setting 'remove_action' is 'untag' but 'tags' is empty: name the tags that mark members of this sync.");
        }

        var merge = settings["merge_fields"] switch
        {
            null => null,
            JsonObject map => map.ToDictionary(
                p => p.Key,
                p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length > 0 ? v.GetValue<string>().Trim().ToUpperInvariant() : throw Wrong($"merge_fields.{p.Key}", "a merge tag such as FNAME"),
                StringComparer.Ordinal),
            _ => throw Wrong("merge_fields", "an object from member field or trait name to merge tag, such as {\"first_name\": \"FNAME\"}"),
        };

        return new ListSettings(listId.Trim(), status, existing == "update", merge, tags, Enum.Parse<RemoveAction>(remove, ignoreCase: true));
    }

    private static string? Text(JsonObject settings, string name) => settings[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw Wrong(name, "a string"),
    };

    private static string OneOf(JsonObject settings, string name, string defaultValue, string[] allowed)
    {
        var value = Text(settings, name)?.Trim().ToLowerInvariant() ?? defaultValue;
        return allowed.Contains(value) ? value : throw Wrong(name, $"one of {string.Join(", ", allowed)} (got '{value}')");
    }

    private static ConfigurationException Wrong(string name, string expected) => new($"The sync setting '{name}' must be {expected}.");
}

/// <summary>What removing a member from the sync does in Mailchimp.</summary>
internal enum RemoveAction
{
    /// <summary>Archive the contact (DELETE; reversible: adding them again restores them).</summary>
    Archive,

    /// <summary>Set the contact's status to unsubscribed (PATCH).</summary>
    Unsubscribe,

    /// <summary>Mark the sync's tags inactive on the contact, leaving their subscription alone.</summary>
    Untag,
}

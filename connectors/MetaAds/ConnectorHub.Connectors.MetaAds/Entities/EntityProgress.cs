using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Errors;

namespace ConnectorHub.Connectors.MetaAds.Entities;

/// <summary>
/// Where a full refresh of an entity stream stands: the accounts already read and the <c>after</c> cursor of the
/// next page of the current one. Written as <c>{"version":1,"done":["123"],"account":"456","after":"QVFI..."}</c>;
/// a completed pass is <c>{"version":1}</c>.
/// </summary>
internal sealed class EntityProgress
{
    public const int CurrentVersion = 1;

    public HashSet<string> Done { get; init; } = new(StringComparer.Ordinal);

    public string? Account { get; set; }

    public string? After { get; set; }

    /// <summary>Whether a pass was under way when the state was saved.</summary>
    public bool InPass => Done.Count > 0 || Account is not null;

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["version"] = CurrentVersion };
        if (InPass)
        {
            json["done"] = new JsonArray(Done.Order(StringComparer.Ordinal).Select(a => (JsonNode?)JsonValue.Create(a)).ToArray());
            json["account"] = Account;
            json["after"] = After;
        }

        return json;
    }

    public static EntityProgress Read(JsonNode? json, string stream)
    {
        if (json is null)
        {
            return new EntityProgress();
        }

        try
        {
            var root = json.AsObject();
            if (root["version"]?.GetValue<int>() != CurrentVersion)
            {
                throw new FormatException($"its version is not {CurrentVersion}");
            }

            return new EntityProgress
            {
                Done = new HashSet<string>((root["done"] as JsonArray ?? []).Select(a => a!.GetValue<string>()), StringComparer.Ordinal),
                Account = root["account"]?.GetValue<string>(),
                After = root["after"]?.GetValue<string>(),
            };
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or JsonException or NullReferenceException)
        {
            throw new ConfigurationException($"The saved state of Meta Ads stream '{stream}' cannot be read: {ex.Message}. Reset the stream's state to read it again from the start.", innerException: ex);
        }
    }
}

using System.Text.Json.Nodes;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.CanonicalStore;

/// <summary>
/// What a mapped record holds when a sync writes into the hub: the canonical entities one source record yields, as
/// <c>{"entities":[{"entity":"profile_fragment","data":{...}}, {"entity":"order","data":{...}}]}</c>. Entity names are
/// <c>profile_fragment</c>, <c>event</c>, <c>order</c>, <c>ad_performance</c> and <c>account</c>; <c>data</c> is the
/// entity's canonical JSON (<see cref="CanonicalJson"/>).
/// </summary>
/// <param name="Entities">The entities, in the order they are stored (fragments resolve before the rest).</param>
public sealed record CanonicalEnvelope(IReadOnlyList<CanonicalEntity> Entities)
{
    /// <summary>The JSON form, as the hub sink reads it.</summary>
    public JsonObject ToJson() => new()
    {
        ["entities"] = new JsonArray(Entities.Select(e => (JsonNode)new JsonObject { ["entity"] = e.Name, ["data"] = e.Data.DeepClone() }).ToArray()),
    };

    /// <summary>An envelope of typed entities.</summary>
    public static CanonicalEnvelope Of(params object[] entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        return new(entities.Select(CanonicalEntity.Of).ToArray());
    }

    /// <summary>Reads an envelope; the error says what is wrong and where when it is not one.</summary>
    public static (CanonicalEnvelope? Envelope, string? Error) Parse(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data["entities"] is not JsonArray array)
        {
            return (null, "The record is not a canonical envelope: it has no 'entities' array. Map the stream onto canonical entities ({\"entities\":[{\"entity\":\"profile_fragment\",\"data\":{...}}]}).");
        }

        var entities = new List<CanonicalEntity>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item || item["entity"] is not JsonValue name || !name.TryGetValue(out string? entity) || item["data"] is not JsonObject entityData)
            {
                return (null, $"entities[{i}] must be an object with a string 'entity' and an object 'data'.");
            }

            if (CanonicalEntity.TypeOf(entity) is null)
            {
                return (null, $"entities[{i}].entity '{entity}' is not a canonical entity; use one of {string.Join(", ", CanonicalEntity.Names)}.");
            }

            entities.Add(new CanonicalEntity(entity, entityData));
        }

        return (new CanonicalEnvelope(entities), null);
    }
}

/// <summary>One canonical entity of an envelope.</summary>
/// <param name="Name">profile_fragment, event, order, ad_performance or account.</param>
/// <param name="Data">Its canonical JSON.</param>
public sealed record CanonicalEntity(string Name, JsonObject Data)
{
    /// <summary>The entity names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["profile_fragment", "event", "order", "ad_performance", "account"];

    /// <summary>The entity type of a name; null when unknown.</summary>
    public static CanonicalEntityType? TypeOf(string name) => name switch
    {
        "profile_fragment" => CanonicalEntityType.ProfileFragment,
        "event" => CanonicalEntityType.Event,
        "order" => CanonicalEntityType.Order,
        "ad_performance" => CanonicalEntityType.AdPerformance,
        "account" => CanonicalEntityType.Account,
        _ => null,
    };

    /// <summary>The envelope entry of a typed canonical entity.</summary>
    public static CanonicalEntity Of(object entity) => entity switch
    {
        ProfileFragment f => new("profile_fragment", CanonicalJson.ToJson(f)),
        CanonicalEvent e => new("event", CanonicalJson.ToJson(e)),
        Order o => new("order", CanonicalJson.ToJson(o)),
        AdPerformance a => new("ad_performance", CanonicalJson.ToJson(a)),
        Account a => new("account", CanonicalJson.ToJson(a)),
        _ => throw new ArgumentException($"{entity?.GetType().Name ?? "null"} is not a canonical entity.", nameof(entity)),
    };
}

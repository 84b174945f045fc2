using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Meta.Insights.Model;

/// <summary>An ad of an ad set.</summary>
public sealed class AdNode
{
    /// <summary>The ad id (digits).</summary>
    public required string Id { get; init; }

    /// <summary>The owning account (digits).</summary>
    public required string AccountId { get; init; }

    /// <summary>The campaign it belongs to.</summary>
    public required string CampaignId { get; init; }

    /// <summary>The ad set it belongs to.</summary>
    public required string AdSetId { get; init; }

    /// <summary>The ad's name.</summary>
    public required string Name { get; set; }

    /// <summary><c>ACTIVE</c> or <c>PAUSED</c>.</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>The creative's id.</summary>
    public required string CreativeId { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedTime { get; set; }

    /// <summary>The fields Graph knows for an ad.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Fields() => new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
    {
        ["id"] = Id,
        ["account_id"] = AccountId,
        ["campaign_id"] = CampaignId,
        ["adset_id"] = AdSetId,
        ["name"] = Name,
        ["status"] = Status,
        ["effective_status"] = Status,
        ["creative"] = new JsonObject { ["id"] = CreativeId },
        ["created_time"] = GraphTime.Format(CreatedTime),
        ["updated_time"] = GraphTime.Format(UpdatedTime),
    };
}

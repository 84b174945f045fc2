using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Meta.Insights.Model;

/// <summary>An ad set of a campaign.</summary>
public sealed class AdSetNode
{
    /// <summary>The ad set id (digits).</summary>
    public required string Id { get; init; }

    /// <summary>The owning account (digits).</summary>
    public required string AccountId { get; init; }

    /// <summary>The campaign it belongs to.</summary>
    public required string CampaignId { get; init; }

    /// <summary>The ad set's name.</summary>
    public required string Name { get; set; }

    /// <summary><c>ACTIVE</c> or <c>PAUSED</c>.</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>Daily budget in minor units.</summary>
    public long DailyBudget { get; init; }

    /// <summary>What delivery optimizes for.</summary>
    public string OptimizationGoal { get; init; } = "OFFSITE_CONVERSIONS";

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedTime { get; set; }

    /// <summary>The fields Graph knows for an ad set.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Fields() => new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
    {
        ["id"] = Id,
        ["account_id"] = AccountId,
        ["campaign_id"] = CampaignId,
        ["name"] = Name,
        ["status"] = Status,
        ["effective_status"] = Status,
        ["daily_budget"] = DailyBudget.ToString(CultureInfo.InvariantCulture),
        ["optimization_goal"] = OptimizationGoal,
        ["billing_event"] = "IMPRESSIONS",
        ["created_time"] = GraphTime.Format(CreatedTime),
        ["updated_time"] = GraphTime.Format(UpdatedTime),
    };
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Meta.Insights.Model;

/// <summary>A campaign of an ad account.</summary>
public sealed class CampaignNode
{
    /// <summary>The campaign id (digits).</summary>
    public required string Id { get; init; }

    /// <summary>The owning account (digits).</summary>
    public required string AccountId { get; init; }

    /// <summary>The campaign's name.</summary>
    public required string Name { get; set; }

    /// <summary>The objective (<c>OUTCOME_SALES</c>, <c>OUTCOME_TRAFFIC</c>, ...).</summary>
    public required string Objective { get; init; }

    /// <summary><c>ACTIVE</c> or <c>PAUSED</c>.</summary>
    public string Status { get; set; } = "ACTIVE";

    /// <summary>Daily budget in minor units.</summary>
    public long DailyBudget { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>When it last changed.</summary>
    public DateTimeOffset UpdatedTime { get; set; }

    /// <summary>The fields Graph knows for a campaign (budgets are strings in minor units, as Meta sends them).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Fields() => new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
    {
        ["id"] = Id,
        ["account_id"] = AccountId,
        ["name"] = Name,
        ["objective"] = Objective,
        ["status"] = Status,
        ["effective_status"] = Status,
        ["configured_status"] = Status,
        ["buying_type"] = "AUCTION",
        ["daily_budget"] = DailyBudget.ToString(CultureInfo.InvariantCulture),
        ["created_time"] = GraphTime.Format(CreatedTime),
        ["updated_time"] = GraphTime.Format(UpdatedTime),
        ["start_time"] = GraphTime.Format(CreatedTime),
    };
}

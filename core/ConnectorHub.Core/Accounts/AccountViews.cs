using System.Text.Json;

namespace ConnectorHub.Core.Accounts;

/// <summary>A B2B account in a list: who reported it, its name and how many profiles belong to it.</summary>
/// <param name="Source">The source that reported it (a tracking source for group calls).</param>
/// <param name="AccountId">Its id there (the group call's <c>groupId</c>).</param>
/// <param name="Name">Its name.</param>
/// <param name="Domain">Its web domain.</param>
/// <param name="Industry">Its industry.</param>
/// <param name="Members">How many profiles belong to it.</param>
/// <param name="ObservedAt">When the source last described it.</param>
public sealed record AccountSummary(string Source, string AccountId, string? Name, string? Domain, string? Industry, int Members, DateTimeOffset ObservedAt);

/// <summary>One page of accounts, by source and id.</summary>
/// <param name="Items">The accounts.</param>
/// <param name="Total">How many accounts match, on every page.</param>
public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, int Total);

/// <summary>One account with its traits and members.</summary>
/// <param name="Source">The source that reported it.</param>
/// <param name="AccountId">Its id there.</param>
/// <param name="Name">Its name.</param>
/// <param name="Domain">Its web domain.</param>
/// <param name="Industry">Its industry.</param>
/// <param name="Traits">Every trait the source sent (a group call's <c>traits</c>).</param>
/// <param name="ObservedAt">When the source last described it.</param>
/// <param name="Members">The profiles that belong to it.</param>
public sealed record AccountView(
    string Source, string AccountId, string? Name, string? Domain, string? Industry, JsonElement? Traits, DateTimeOffset ObservedAt, IReadOnlyList<AccountMember> Members);

/// <summary>A profile that belongs to an account.</summary>
/// <param name="ProfileId">The profile (the survivor, when the one linked was merged since).</param>
/// <param name="LinkedAt">When it was first linked.</param>
public sealed record AccountMember(long ProfileId, DateTimeOffset LinkedAt);

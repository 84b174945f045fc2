using ConnectorHub.Sandbox.Seed;

namespace ConnectorHub.Sandbox.HubSpot;

/// <summary>How the HubSpot emulator is seeded and how strict it is. Defaults follow api-contracts.md §1.</summary>
public sealed record HubSpotEmulatorOptions
{
    /// <summary>The seed of the generated CRM (same seed, same data, on every run).</summary>
    public int Seed { get; init; } = SandboxPeople.DefaultSeed;

    /// <summary>How many contacts to seed (drawn from the shared <see cref="SandboxPeople"/>).</summary>
    public int Contacts { get; init; } = 200;

    /// <summary>How many companies to seed.</summary>
    public int Companies { get; init; } = 40;

    /// <summary>How many deals to seed.</summary>
    public int Deals { get; init; } = 80;

    /// <summary>The clock for token lifetimes, rate-limit windows and default timestamps.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The private-app token the emulator accepts, with every CRM read scope.</summary>
    public string PrivateAppToken { get; init; } = "pat-na1-11111111-2222-3333-4444-555555555555";

    /// <summary>The OAuth app's client id.</summary>
    public string ClientId { get; init; } = "sandbox-client-id";

    /// <summary>The OAuth app's client secret.</summary>
    public string ClientSecret { get; init; } = "sandbox-client-secret";

    /// <summary>Lifetime of issued OAuth access tokens (HubSpot: 1800 s).</summary>
    public TimeSpan AccessTokenLifetime { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>
    /// Whether a refresh issues a new refresh token and retires the old one. HubSpot's v1 endpoint tends to answer
    /// the same one; rotation is on by default so connectors prove they persist what they are given.
    /// </summary>
    public bool RotateRefreshTokens { get; init; } = true;

    /// <summary>Largest <c>limit</c> of the list endpoint.</summary>
    public int MaxListLimit { get; init; } = 100;

    /// <summary>Largest <c>limit</c> of the search endpoint.</summary>
    public int MaxSearchLimit { get; init; } = 200;

    /// <summary>Results any one search query can page through; paging past them answers 400.</summary>
    public int SearchResultCap { get; init; } = 10_000;

    /// <summary>Most filter groups in one search.</summary>
    public int MaxFilterGroups { get; init; } = 5;

    /// <summary>Most filters in one filter group.</summary>
    public int MaxFiltersPerGroup { get; init; } = 10;

    /// <summary>Most filters in one search, all groups together.</summary>
    public int MaxFiltersTotal { get; init; } = 25;

    /// <summary>Most inputs of a batch read.</summary>
    public int MaxBatchInputs { get; init; } = 100;

    /// <summary>Requests allowed per ten-second window (reported in headers; enforced when <see cref="EnforceRateLimit"/>).</summary>
    public int TenSecondlyLimit { get; init; } = 190;

    /// <summary>Requests allowed per day (reported in headers for private-app calls).</summary>
    public int DailyLimit { get; init; } = 1_000_000;

    /// <summary>Whether going over <see cref="TenSecondlyLimit"/> answers 429 (off by default: tests inject 429s as faults).</summary>
    public bool EnforceRateLimit { get; init; }
}

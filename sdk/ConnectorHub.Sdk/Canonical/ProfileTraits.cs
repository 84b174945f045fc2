using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConnectorHub.Sdk.Canonical;

/// <summary>A person's traits: the standard ones by name, any others in <see cref="Custom"/>.</summary>
public sealed record ProfileTraits
{
    /// <summary>Given name.</summary>
    public string? FirstName { get; init; }

    /// <summary>Family name.</summary>
    public string? LastName { get; init; }

    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Phone number in E.164.</summary>
    public string? Phone { get; init; }

    /// <summary>Date of birth.</summary>
    public DateOnly? Birthday { get; init; }

    /// <summary>Employer.</summary>
    public string? Company { get; init; }

    /// <summary>Job title.</summary>
    public string? Title { get; init; }

    /// <summary>When the person became known to the source.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Postal address.</summary>
    public PostalAddress? Address { get; init; }

    /// <summary>Custom traits, by name.</summary>
    /// <remarks>A dictionary of elements rather than a JsonObject: System.Text.Json 10 writes JsonObject extension data without property names.</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Custom { get; init; }
}

/// <summary>A postal address.</summary>
public sealed record PostalAddress
{
    /// <summary>Street and number.</summary>
    public string? Street { get; init; }

    /// <summary>City.</summary>
    public string? City { get; init; }

    /// <summary>State, province or region.</summary>
    public string? State { get; init; }

    /// <summary>Postal code.</summary>
    public string? PostalCode { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string? Country { get; init; }
}

/// <summary>Consent per channel; null means unknown.</summary>
public sealed record Consent
{
    /// <summary>Email marketing.</summary>
    public bool? Email { get; init; }

    /// <summary>SMS marketing.</summary>
    public bool? Sms { get; init; }

    /// <summary>Ad targeting.</summary>
    public bool? Ads { get; init; }
}

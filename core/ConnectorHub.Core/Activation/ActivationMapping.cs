namespace ConnectorHub.Core.Activation;

/// <summary>
/// Which profile identifiers and traits fill which <see cref="Sdk.Destinations.AudienceMember"/> fields. Each field
/// takes one or more sources separated by <c>|</c> (the first with a value wins): <c>identifier:&lt;type&gt;</c> or
/// <c>trait:&lt;name&gt;</c> (a dotted path reads into an object trait, e.g. <c>trait:address.city</c>).
/// </summary>
public sealed record ActivationMapping
{
    /// <summary>
    /// Field sources on top of <see cref="MemberMapping.Defaults"/>; an empty source turns a default field off.
    /// Fields: email, phone, first_name, last_name, city, state, postal_code, country, birthday, gender, external_id, maid.
    /// </summary>
    public Dictionary<string, string> Fields { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Profile traits copied into the member's <c>traits</c> (e.g. for Mailchimp merge fields <c>traits.plan</c>).</summary>
    public IReadOnlyList<string> Traits { get; init; } = [];
}

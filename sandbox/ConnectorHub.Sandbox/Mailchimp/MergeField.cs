namespace ConnectorHub.Sandbox.Mailchimp;

/// <summary>A list's merge field (audience field): its tag, name, type and whether new members must have it.</summary>
/// <param name="Tag">The merge tag, such as <c>FNAME</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Type">text, number, address, phone, date, url, imageurl, radio, dropdown, birthday or zip.</param>
/// <param name="Required">Whether a new member needs a value (unless <c>skip_merge_validation</c>).</param>
public sealed record MergeField(string Tag, string Name, string Type = "text", bool Required = false)
{
    /// <summary>The fields a new Mailchimp audience starts with.</summary>
    public static IReadOnlyList<MergeField> Defaults { get; } =
    [
        new("FNAME", "First Name"),
        new("LNAME", "Last Name"),
        new("ADDRESS", "Address", "address"),
        new("PHONE", "Phone Number", "phone"),
        new("BIRTHDAY", "Birthday", "birthday"),
    ];
}

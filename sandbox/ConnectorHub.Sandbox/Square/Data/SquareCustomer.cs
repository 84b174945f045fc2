using System.Text.Json.Nodes;

namespace ConnectorHub.Sandbox.Square.Data;

/// <summary>A customer profile in the seller's Customer Directory. Tests may change it through the emulator.</summary>
public sealed class SquareCustomer
{
    /// <summary>The customer id (26 characters).</summary>
    public required string Id { get; init; }

    /// <summary>When the profile was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the profile last changed.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>First name.</summary>
    public string? GivenName { get; set; }

    /// <summary>Last name.</summary>
    public string? FamilyName { get; set; }

    /// <summary>The customer's business, when the seller noted one.</summary>
    public string? CompanyName { get; set; }

    /// <summary>Email address, as the seller typed it (case and all).</summary>
    public string? EmailAddress { get; set; }

    /// <summary>Phone number, as the seller typed it.</summary>
    public string? PhoneNumber { get; set; }

    /// <summary>Postal address.</summary>
    public SquareAddress? Address { get; set; }

    /// <summary>Birthday as <c>YYYY-MM-DD</c> (<c>0000-MM-DD</c> without a year).</summary>
    public string? Birthday { get; set; }

    /// <summary>The seller's own id for the customer.</summary>
    public string? ReferenceId { get; set; }

    /// <summary>A note.</summary>
    public string? Note { get; set; }

    /// <summary>Whether the customer unsubscribed from marketing email.</summary>
    public bool EmailUnsubscribed { get; set; }

    /// <summary>How the profile was created (<c>DIRECTORY</c>, <c>INSTANT_PROFILE</c>, <c>THIRD_PARTY</c>, ...).</summary>
    public string CreationSource { get; init; } = "DIRECTORY";

    /// <summary>Incremented on every change.</summary>
    public long Version { get; set; }

    /// <summary>The customer as the Customers API returns it (absent fields left out).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["created_at"] = SquareTime.Format(CreatedAt),
            ["updated_at"] = SquareTime.Format(UpdatedAt),
        };
        Add(json, "given_name", GivenName);
        Add(json, "family_name", FamilyName);
        Add(json, "company_name", CompanyName);
        Add(json, "email_address", EmailAddress);
        if (Address is not null)
        {
            json["address"] = Address.ToJson();
        }

        Add(json, "phone_number", PhoneNumber);
        Add(json, "birthday", Birthday);
        Add(json, "reference_id", ReferenceId);
        Add(json, "note", Note);
        json["preferences"] = new JsonObject { ["email_unsubscribed"] = EmailUnsubscribed };
        json["creation_source"] = CreationSource;
        json["version"] = Version;
        return json;
    }

    internal static void Add(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}

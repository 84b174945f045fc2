namespace ConnectorHub.Sandbox.Seed;

/// <summary>
/// One made-up person of the sandbox, in a neutral form. Each emulator shows a person in its own platform's
/// formatting (see <see cref="PhoneStyle"/>, <see cref="EmailStyle"/>), so the same person appears in several
/// systems slightly differently, as real customers do, for identity resolution to reconcile.
/// </summary>
/// <param name="Index">The person's number in <see cref="SandboxPeople"/>; the same index is the same person everywhere.</param>
/// <param name="FirstName">Given name.</param>
/// <param name="LastName">Family name.</param>
/// <param name="Email">Email address in lower case, unique per person, on reserved example domains.</param>
/// <param name="PhoneDigits">A US phone number as ten digits (area code first), unique per person.</param>
/// <param name="Address">Postal address.</param>
/// <param name="Company">The company the person works for.</param>
/// <param name="JobTitle">The person's job title.</param>
/// <param name="BirthDate">Date of birth.</param>
public sealed record SandboxPerson(
    int Index,
    string FirstName,
    string LastName,
    string Email,
    string PhoneDigits,
    SandboxAddress Address,
    string Company,
    string JobTitle,
    DateOnly BirthDate)
{
    /// <summary>The phone number written in <paramref name="style"/>.</summary>
    public string PhoneAs(PhoneStyle style) => style switch
    {
        PhoneStyle.E164 => $"+1{PhoneDigits}",
        PhoneStyle.National => $"({PhoneDigits[..3]}) {PhoneDigits[3..6]}-{PhoneDigits[6..]}",
        PhoneStyle.Dashed => $"{PhoneDigits[..3]}-{PhoneDigits[3..6]}-{PhoneDigits[6..]}",
        PhoneStyle.InternationalDashed => $"+1-{PhoneDigits[..3]}-{PhoneDigits[3..6]}-{PhoneDigits[6..]}",
        PhoneStyle.Dotted => $"{PhoneDigits[..3]}.{PhoneDigits[3..6]}.{PhoneDigits[6..]}",
        _ => PhoneDigits,
    };

    /// <summary>The email address written in <paramref name="style"/>.</summary>
    public string EmailAs(EmailStyle style) => style switch
    {
        EmailStyle.Upper => Email.ToUpperInvariant(),
        EmailStyle.Capitalized => string.Concat(Email[..1].ToUpperInvariant(), Email[1..]),
        EmailStyle.NameCase => NameCased(),
        _ => Email,
    };

    /// <summary>
    /// A stable choice among <paramref name="count"/> options for this person in the system named
    /// <paramref name="system"/>: the same person gets the same variant in the same system on every run.
    /// </summary>
    public int VariantFor(string system, int count)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var hash = 17u;
        foreach (var c in system)
        {
            hash = (hash * 31u) + c;
        }

        return (int)(((hash * 2654435761u) ^ (uint)Index * 40503u) % (uint)count);
    }

    private string NameCased()
    {
        var at = Email.IndexOf('@', StringComparison.Ordinal);
        var local = Email[..at].Split('.');
        return string.Join('.', local.Select(part => part.Length == 0 ? part : string.Concat(part[..1].ToUpperInvariant(), part[1..]))) + Email[at..];
    }
}

/// <summary>A postal address of a <see cref="SandboxPerson"/>.</summary>
/// <param name="Street">Street and number.</param>
/// <param name="City">City.</param>
/// <param name="State">Two-letter US state code.</param>
/// <param name="PostalCode">Five-digit ZIP code.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code.</param>
public sealed record SandboxAddress(string Street, string City, string State, string PostalCode, string Country);

/// <summary>How a phone number is written.</summary>
public enum PhoneStyle
{
    /// <summary><c>+14155550134</c></summary>
    E164,

    /// <summary><c>(415) 555-0134</c></summary>
    National,

    /// <summary><c>415-555-0134</c></summary>
    Dashed,

    /// <summary><c>+1-415-555-0134</c></summary>
    InternationalDashed,

    /// <summary><c>415.555.0134</c></summary>
    Dotted,
}

/// <summary>How an email address is written.</summary>
public enum EmailStyle
{
    /// <summary><c>jane.doe41@example.com</c></summary>
    Lower,

    /// <summary><c>Jane.doe41@example.com</c></summary>
    Capitalized,

    /// <summary><c>Jane.Doe41@example.com</c></summary>
    NameCase,

    /// <summary><c>JANE.DOE41@EXAMPLE.COM</c></summary>
    Upper,
}

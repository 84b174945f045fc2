namespace ConnectorHub.Sandbox.Square.Seed;

/// <summary>
/// How sellers type contact details into Square: the same person's email and phone are written differently from
/// how other systems store them (case, dashes, brackets), for identity resolution to reconcile.
/// </summary>
internal static class SquareFormatting
{
    public static string Email(SquarePerson person) => (person.Index % 4) switch
    {
        0 => NameCase(person.Email),
        1 => person.Email,
        2 => person.Email.ToUpperInvariant(),
        _ => string.Concat(person.Email[..1].ToUpperInvariant(), person.Email[1..]),
    };

    public static string Phone(SquarePerson person)
    {
        var d = person.PhoneDigits;
        return ((person.Index / 4) % 4) switch
        {
            0 => $"+1-{d[..3]}-{d[3..6]}-{d[6..]}",
            1 => $"({d[..3]}) {d[3..6]}-{d[6..]}",
            2 => $"{d[..3]}.{d[3..6]}.{d[6..]}",
            _ => $"+1{d}",
        };
    }

    private static string NameCase(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var parts = email[..at].Split('.').Select(p => p.Length == 0 ? p : string.Concat(p[..1].ToUpperInvariant(), p[1..]));
        return string.Join('.', parts) + email[at..];
    }
}

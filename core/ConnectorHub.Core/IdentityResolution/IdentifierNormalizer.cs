using System.Text;
using ConnectorHub.Sdk.Canonical;

namespace ConnectorHub.Core.IdentityResolution;

/// <summary>
/// Normalizes identifiers the same way at ingestion and at lookup: types trimmed and lower-cased; emails trimmed and
/// lower-cased; phones in E.164 when libphonenumber reads them as valid international numbers (<c>+44 (0)20 7946 0958</c>
/// is <c>+442079460958</c>), else reduced to <c>+</c> and digits (<c>00</c> becomes <c>+</c>); other values trimmed.
/// </summary>
public static class IdentifierNormalizer
{
    /// <summary>The normalized identifier.</summary>
    public static Identifier Normalize(string type, string value)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(value);
        var normalizedType = type.Trim().ToLowerInvariant();
        var trimmed = value.Trim();
        return new Identifier(normalizedType, normalizedType switch
        {
            IdentifierTypes.Email => trimmed.ToLowerInvariant(),
            IdentifierTypes.Phone => Phone(trimmed),
            _ => trimmed,
        });
    }

    /// <summary>The normalized form of <paramref name="identifier"/>.</summary>
    public static Identifier Normalize(Identifier identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        return Normalize(identifier.Type, identifier.Value);
    }

    /// <summary>Parses <c>type:value</c> (the value may hold colons) and normalizes it; null when there is no colon.</summary>
    public static Identifier? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : Normalize(text[..colon], text[(colon + 1)..]);
    }

    private static string Phone(string value)
    {
        // No region is known here: only numbers written with their country code are read as E.164.
        if (E164Phone.Format(value, defaultRegion: null) is { } e164)
        {
            return e164;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c) || (c == '+' && builder.Length == 0))
            {
                builder.Append(c);
            }
        }

        if (builder.Length > 2 && builder[0] == '0' && builder[1] == '0')
        {
            builder.Remove(0, 2).Insert(0, '+');
        }

        return builder.Length == 0 ? value : builder.ToString();
    }
}

using System.Buffers;

namespace ConnectorHub.Core.Mapping.Normalizers;

/// <summary><c>email</c>: trims, drops a <c>mailto:</c> prefix and angle brackets, lower-cases, and checks the shape.</summary>
internal sealed class EmailNormalizer : TextNormalizer
{
    private static readonly SearchValues<char> Forbidden = SearchValues.Create(" \t\r\n,;");

    public override string Name => "email";

    public static bool TryNormalize(string text, out string email, out string error)
    {
        var s = text.AsSpan().Trim();
        if (s.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            s = s[7..].Trim();
        }

        if (s.Length >= 2 && s[0] == '<' && s[^1] == '>')
        {
            s = s[1..^1].Trim();
        }

        email = s.ToString().ToLowerInvariant();
        error = string.Empty;
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1)
        {
            error = $"'{text}' is not an email address: it needs exactly one @ with text on both sides";
            return false;
        }

        var domain = email.AsSpan(at + 1);
        if (email.AsSpan().IndexOfAny(Forbidden) >= 0 || domain.IndexOf('.') <= 0 || domain[^1] == '.' || domain.Contains("..", StringComparison.Ordinal))
        {
            error = $"'{text}' is not an email address: the domain or address contains invalid characters";
            return false;
        }

        return true;
    }

    protected override NormalizeResult NormalizeText(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return NormalizeResult.Missing;
        }

        return TryNormalize(text, out var email, out var error) ? NormalizeResult.Of(email) : NormalizeResult.Fail(error);
    }
}

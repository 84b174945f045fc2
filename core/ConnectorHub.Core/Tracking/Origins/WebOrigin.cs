using System.Globalization;

namespace ConnectorHub.Core.Tracking.Origins;

/// <summary>
/// A web origin as browsers send it in the <c>Origin</c> header: <c>scheme://host[:port]</c>, lower case, the port
/// only when it is not the scheme's default. <c>*</c> stands for every origin.
/// </summary>
public static class WebOrigin
{
    /// <summary>Every origin.</summary>
    public const string Any = "*";

    /// <summary>The origin in its canonical form, or null with why <paramref name="text"/> is not one.</summary>
    public static (string? Origin, string? Error) Parse(string? text)
    {
        var trimmed = text?.Trim().TrimEnd('/') ?? string.Empty;
        if (trimmed == Any)
        {
            return (Any, null);
        }

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return (null, $"'{text}' is not a web origin: write the scheme and host, and the port if it is not the default, such as https://shop.example.com or http://localhost:3000.");
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return (null, $"'{text}' has more than an origin: leave out the path, query and user (the origin of https://shop.example.com/cart is https://shop.example.com).");
        }

        return (uri.IsDefaultPort ? $"{uri.Scheme}://{uri.IdnHost}" : string.Create(CultureInfo.InvariantCulture, $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}"), null);
    }
}

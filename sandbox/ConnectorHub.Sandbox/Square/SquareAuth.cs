namespace ConnectorHub.Sandbox.Square;

/// <summary>
/// Square's Bearer auth: a known token that has not expired. Any <c>Square-Version</c> is accepted (the caller pins
/// the API version; the emulator serves one behaviour).
/// </summary>
internal static class SquareAuth
{
    public static IResult? Check(HttpRequest request, SquareEmulator emulator)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return SquareError.Authentication("UNAUTHORIZED", "This request could not be authorized.").Result(StatusCodes.Status401Unauthorized);
        }

        var token = header["Bearer ".Length..].Trim();
        if (!emulator.AccessTokens.TryGetValue(token, out var expiresAt))
        {
            return SquareError.Authentication("UNAUTHORIZED", "This request could not be authorized.").Result(StatusCodes.Status401Unauthorized);
        }

        return expiresAt is { } expiry && expiry <= emulator.Now()
            ? SquareError.Authentication("ACCESS_TOKEN_EXPIRED", "The access token has expired.").Result(StatusCodes.Status401Unauthorized)
            : null;
    }
}

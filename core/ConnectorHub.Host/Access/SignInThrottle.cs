using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ConnectorHub.Host.Access;

/// <summary>
/// Slows password guessing: at most <see cref="PermitsPerMinute"/> sign-in and setup attempts (posts; showing the forms is free) per minute from one
/// client address. Behind a reverse proxy every client shares the proxy's address unless forwarded headers are on.
/// </summary>
internal static class SignInThrottle
{
    public const string Policy = "signin";
    public const int PermitsPerMinute = 10;

    public static IServiceCollection AddSignInThrottle(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => HttpMethods.IsGet(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("forms")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = PermitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
}

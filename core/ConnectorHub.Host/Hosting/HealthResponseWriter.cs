using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConnectorHub.Host.Hosting;

/// <summary>Writes the health report as JSON: overall status and each check's status and description.</summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        }, JsonSerializerOptions.Web);
}

using ConnectorHub.Core.Hosting;
using ConnectorHub.Core.Scheduling;
using ConnectorHub.Host.Api;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ConnectorHub.Host.Hosting;

/// <summary>Registers and maps everything the host serves.</summary>
internal static class HostBuilderExtensions
{
    public static WebApplicationBuilder AddConnectorHubHost(this WebApplicationBuilder builder)
    {
        builder.Services.AddConnectorHub(builder.Configuration).AddScheduling(builder.Environment.ContentRootPath);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<HubExceptionHandler>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapConnectorHubHost(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapOpenApi();
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "ConnectorHub API"));
        app.MapPluginEndpoints();
        app.MapConnectionEndpoints();
        app.MapProfileEndpoints();
        app.MapSyncEndpoints();
        app.MapRunEndpoints();
        return app;
    }
}

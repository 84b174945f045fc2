using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Hosting;

/// <summary>
/// Validates every settings class (each registered with <c>ValidateOnStart</c>) as the first hosted service is built.
/// The host builds all hosted services before it runs its own start validation, and building them reads settings, so
/// without this the first invalid setting met would stop the start alone; this way the error lists them all.
/// </summary>
internal sealed class SettingsValidation : IHostedService
{
    public SettingsValidation(IStartupValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.Validate();
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

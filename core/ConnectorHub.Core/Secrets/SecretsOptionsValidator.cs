using Microsoft.Extensions.Options;

namespace ConnectorHub.Core.Secrets;

/// <summary>Checks <see cref="SecretsOptions"/> at start: a configured key certificate must open and hold a private key.</summary>
internal sealed class SecretsOptionsValidator : IValidateOptions<SecretsOptions>
{
    public ValidateOptionsResult Validate(string? name, SecretsOptions options)
    {
        using var certificate = KeyCertificate.Load(options, out var error);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }
}

namespace ConnectorHub.Core.Activation;

/// <summary>How long a failed record waits before its next attempt: the base delay doubled per attempt, capped.</summary>
internal static class RetryBackoff
{
    public static TimeSpan After(int attempt, ActivationOptions options)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(options.RetryBaseDelay.Ticks * factor, options.RetryMaxDelay.Ticks));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}

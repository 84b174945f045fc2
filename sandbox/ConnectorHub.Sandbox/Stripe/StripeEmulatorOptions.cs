namespace ConnectorHub.Sandbox.Stripe;

/// <summary>What the Stripe emulator holds: how many customers and charges, and the secret key it accepts.</summary>
public sealed record StripeEmulatorOptions
{
    /// <summary>The secret API key accepted (Bearer, or Basic with the key as the user name).</summary>
    public string SecretKey { get; init; } = "sk_test_51SandboxStripeKey0000000000000000";

    /// <summary>Customers seeded from the sandbox's shared people (so identities join across emulators).</summary>
    public int Customers { get; init; } = 40;

    /// <summary>Charges seeded, each by a seeded customer (a few as guest checkouts with no customer).</summary>
    public int Charges { get; init; } = 60;

    /// <summary>The <c>created</c> time of the first object; later ones follow an hour or so apart.</summary>
    public DateTimeOffset FirstCreated { get; init; } = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
}

namespace ConnectorHub.Sandbox.Stripe;

/// <summary>The ids the emulator gives its seeded objects, for tests that expect a given one.</summary>
public static class StripeEmulatorIds
{
    /// <summary>The id of the <paramref name="number"/>th seeded customer (1-based).</summary>
    public static string Customer(int number) => StripeObjects.Id("cus", number);

    /// <summary>The id of the <paramref name="number"/>th seeded charge (1-based).</summary>
    public static string Charge(int number) => StripeObjects.Id("ch", number);
}

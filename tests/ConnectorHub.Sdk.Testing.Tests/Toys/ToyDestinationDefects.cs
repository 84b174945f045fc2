namespace ConnectorHub.Sdk.Testing.Tests.Toys;

/// <summary>Defects the toy destination can be built with, each of which one acceptance check must catch.</summary>
[Flags]
public enum ToyDestinationDefects
{
    None = 0,
    OversizedRequests = 1,
    DuplicatesOnReplay = 2,
    DropsRejectionReason = 4,
    LosesAResult = 8,
}

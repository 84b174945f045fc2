namespace ConnectorHub.Sdk.Testing.Tests.Toys;

/// <summary>Defects the toy source can be built with, each of which one acceptance check must catch.</summary>
[Flags]
public enum ToySourceDefects
{
    None = 0,
    UnmarkedSecret = 1,
    CheckAlwaysSucceeds = 2,
    PrimaryKeyNotInSchema = 4,
    SchemaMismatch = 8,
    CheckpointAheadOfRecords = 16,
    NoRateLimitRetry = 32,
    NoPagingGuard = 64,
    BuffersWholeStream = 128,
}

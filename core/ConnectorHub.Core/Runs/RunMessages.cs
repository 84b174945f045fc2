namespace ConnectorHub.Core.Runs;

/// <summary>What the hub records on runs it ends itself, in words an admin can act on.</summary>
internal static class RunMessages
{
    public const string SyncDisabled = "The sync was disabled before this run started, so it did not run. Enable the sync to run it again.";
}

namespace ConnectorHub.Core.Runs;

/// <summary>What started a run.</summary>
public enum RunTrigger
{
    /// <summary>The sync's schedule.</summary>
    Schedule,

    /// <summary>A person (dashboard or API "run now").</summary>
    Manual,

    /// <summary>The command line.</summary>
    Cli,

    /// <summary>Recovery of a run whose node died.</summary>
    Recovery,
}

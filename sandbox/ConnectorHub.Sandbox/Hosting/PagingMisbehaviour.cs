namespace ConnectorHub.Sandbox.Hosting;

/// <summary>Ways an emulator can break paging on purpose, to prove a connector's paging guards. Emulators with paging offer it.</summary>
public enum PagingMisbehaviour
{
    /// <summary>Paging as HubSpot does it.</summary>
    None,

    /// <summary>Every page after the first answers the cursor it was asked for as its next cursor, forever.</summary>
    RepeatCursor,

    /// <summary>Past the last record, answers empty pages that still carry a fresh next cursor, forever.</summary>
    EndlessEmptyPages,
}

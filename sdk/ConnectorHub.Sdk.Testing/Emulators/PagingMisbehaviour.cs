namespace ConnectorHub.Sdk.Testing.Emulators;

/// <summary>Ways an emulator can break paging on purpose, to prove a connector's paging guards. Emulators with paging offer it.</summary>
public enum PagingMisbehaviour
{
    /// <summary>Paging as the API does it.</summary>
    None,

    /// <summary>Every page after the first answers the cursor it was asked for as its next cursor, forever.</summary>
    RepeatCursor,

    /// <summary>Past the last record, answers empty pages that still carry a fresh next cursor, forever.</summary>
    EndlessEmptyPages,
}

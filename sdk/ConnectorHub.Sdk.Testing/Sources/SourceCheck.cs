namespace ConnectorHub.Sdk.Testing.Sources;

/// <summary>The checks of <see cref="SourceAcceptanceTests{TFixture}"/>; a fixture may skip one with a reason.</summary>
public enum SourceCheck
{
    /// <summary>The spec is a valid JSON Schema with secrets marked.</summary>
    Spec,

    /// <summary>The check succeeds on the good config.</summary>
    CheckSucceeds,

    /// <summary>The check fails with a useful message on each bad config.</summary>
    CheckFails,

    /// <summary>Discovery is valid: unique names, valid schemas, keys and cursors in the schema.</summary>
    Discovery,

    /// <summary>Every stream reads records matching its schema (and the expected records, when given).</summary>
    RecordsMatchSchema,

    /// <summary>Two full refreshes agree.</summary>
    FullRefreshesAgree,

    /// <summary>An incremental read from the last state returns nothing before the cursor.</summary>
    IncrementalFromLastState,

    /// <summary>A state from the future returns nothing.</summary>
    FutureState,

    /// <summary>A read that crashed resumes from its last state without loss or duplicates.</summary>
    ResumeAfterCrash,

    /// <summary>A storm of 429s with Retry-After slows the read down but does not fail it.</summary>
    RateLimitStorm,

    /// <summary>An access token that expires mid-sync is refreshed and the rotated refresh token persisted.</summary>
    TokenExpiry,

    /// <summary>A repeated or endless paging cursor stops the read with a clear error.</summary>
    PagingGuards,

    /// <summary>A large stream reads in flat memory.</summary>
    LargeStreamMemory,
}

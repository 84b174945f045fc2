using CsvHelper;

namespace ConnectorHub.Connectors.File.Rows;

/// <summary>The CsvHelper options every CSV file is read with.</summary>
internal static class CsvReaderOptionsFactory
{
    /// <summary>
    /// RFC 4180 with a header row and the given separator (never guessed), line numbers tracked for error
    /// locations, and malformed rows skipped and handed to <paramref name="onMalformed"/> instead of being
    /// silently repaired. Rows longer than <see cref="FileLimits.MaxRowSize"/> stop the file, so an unclosed
    /// quote cannot pull the rest of a large file into memory.
    /// </summary>
    public static CsvReaderOptions Create(char delimiter, Action<CsvMalformedRecord>? onMalformed) => new()
    {
        Separator = delimiter,
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Skip,
        OnMalformedRecord = onMalformed,
        MaxRecordSize = FileLimits.MaxRowSize,
        BufferSize = FileLimits.BufferSize,
    };

    /// <summary>Why a malformed row was set aside, in words a user can act on.</summary>
    public static string Describe(CsvMalformedReason reason, int columns) => reason switch
    {
        CsvMalformedReason.FieldCountMismatch =>
            $"the row does not have the header's {columns} columns (a missing or extra separator, or a value with a separator that is not quoted)",
        CsvMalformedReason.StrayQuote =>
            "a quote inside a value that is not quoted; quote the whole value and double the quotes inside it, as in \"say \"\"hi\"\"\"",
        CsvMalformedReason.TextAfterClosingQuote =>
            "text after the closing quote of a quoted value; double the quotes inside a quoted value, as in \"say \"\"hi\"\"\"",
        CsvMalformedReason.UnterminatedQuote =>
            "a quoted value is never closed, so the rest of the file became part of it; close the quote",
        _ => $"the row is malformed ({reason})",
    };
}

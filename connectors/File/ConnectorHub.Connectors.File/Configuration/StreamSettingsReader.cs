namespace ConnectorHub.Connectors.File.Configuration;

/// <summary>Validates one entry of <c>streams</c>.</summary>
internal static class StreamSettingsReader
{
    private static readonly string[] Settings =
        ["name", "path", "pattern", "format", "delimiter", "cursor_field", "primary_key", "incremental_by", "infer_types"];

    /// <summary>The validated stream; throws a configuration error naming the first bad setting.</summary>
    public static FileStreamSettings Read(SettingsObject entry)
    {
        entry.RejectUnknown(Settings);
        var name = entry.RequiredString("name", "the stream's name, such as customers");
        var path = entry.RequiredString("path", "the absolute path of a file, or of a folder together with a 'pattern'");
        if (!System.IO.Path.IsPathFullyQualified(path))
        {
            throw SettingsObject.Invalid($"'{entry.PathOf("path")}' must be an absolute path (such as /data/exports/customers.csv); got '{path}'.");
        }

        var pattern = entry.String("pattern");
        if (pattern is not null && (pattern.Length == 0 || pattern.IndexOfAny(['/', '\\']) >= 0))
        {
            throw SettingsObject.Invalid($"'{entry.PathOf("pattern")}' must be a file name pattern such as *.csv, without folders; got '{pattern}'.");
        }

        var extension = System.IO.Path.GetExtension(pattern ?? path).ToLowerInvariant();
        var format = ReadFormat(entry, extension);
        var cursorField = entry.String("cursor_field");
        if (cursorField is not null && string.IsNullOrWhiteSpace(cursorField))
        {
            throw SettingsObject.Invalid($"'{entry.PathOf("cursor_field")}' must name a column; leave it out to read without a cursor.");
        }

        return new FileStreamSettings
        {
            Name = name,
            Path = path,
            Pattern = pattern ?? (format == FileFormat.Csv ? "*.csv" : "*.jsonl"),
            Format = format,
            Delimiter = ReadDelimiter(entry, extension),
            CursorField = cursorField,
            PrimaryKey = entry.StringList("primary_key"),
            IncrementalBy = ReadIncrementalBy(entry, cursorField),
            InferTypes = entry.Boolean("infer_types", defaultValue: false),
            SettingPath = entry.Path,
        };
    }

    private static FileFormat ReadFormat(SettingsObject entry, string extension)
    {
        switch (entry.String("format"))
        {
            case "csv":
                return FileFormat.Csv;
            case "jsonl":
                return FileFormat.JsonLines;
            case { } other:
                throw SettingsObject.Invalid($"'{entry.PathOf("format")}' must be csv or jsonl; got '{other}'.");
        }

        return extension switch
        {
            ".csv" or ".tsv" => FileFormat.Csv,
            ".jsonl" or ".ndjson" => FileFormat.JsonLines,
            _ => throw SettingsObject.Invalid(
                $"'{entry.PathOf("format")}' is needed: the format cannot be told from the name '{entry.String("pattern") ?? entry.String("path")}'. Set it to csv or jsonl."),
        };
    }

    private static char ReadDelimiter(SettingsObject entry, string extension)
    {
        var text = entry.String("delimiter");
        if (text is null)
        {
            return extension == ".tsv" ? '\t' : ',';
        }

        if (text.Length != 1 || !char.IsAscii(text[0]) || text[0] is '"' or '\r' or '\n')
        {
            throw SettingsObject.Invalid(
                $"'{entry.PathOf("delimiter")}' must be one ASCII character other than a quote or a line break (such as , ; or a tab); got '{text}'.");
        }

        return text[0];
    }

    private static IncrementalBy ReadIncrementalBy(SettingsObject entry, string? cursorField)
    {
        switch (entry.String("incremental_by"))
        {
            case null:
                return cursorField is null ? IncrementalBy.ModifiedTime : IncrementalBy.CursorField;
            case "modified_time":
                return IncrementalBy.ModifiedTime;
            case "cursor_field" when cursorField is null:
                throw SettingsObject.Invalid(
                    $"'{entry.PathOf("incremental_by")}' is cursor_field but no cursor column is set: set '{entry.PathOf("cursor_field")}' to a column that grows with every change, or use modified_time.");
            case "cursor_field":
                return IncrementalBy.CursorField;
            case { } other:
                throw SettingsObject.Invalid($"'{entry.PathOf("incremental_by")}' must be modified_time or cursor_field; got '{other}'.");
        }
    }
}

using System.CommandLine;
using ConnectorHub.Cli.Connections;
using ConnectorHub.Cli.Hosting;

namespace ConnectorHub.Cli.Runs;

/// <summary>The options of <c>run</c>.</summary>
internal sealed class RunOptions
{
    public const int DefaultShownRejects = 20;

    private readonly Option<string> _config = ConfigFileOption.Create("The sync file (YAML or JSON): name, source, destination and streams. See docs/cli.md.");

    private readonly Option<string?> _state = new("--state")
    {
        Description = $"The SQLite file that holds the sync's connections, runs and checkpoints. Default: ./{StateStore.DefaultFile}.",
        HelpName = "DB",
    };

    private readonly Option<string?> _storage = new("--storage")
    {
        Description = "Keep the state in PostgreSQL instead, given its connection string (\"Host=...;Database=...;Username=...;Password=...\").",
        HelpName = "CONNECTION-STRING",
    };

    private readonly Option<bool> _fullRefresh = new("--full-refresh")
    {
        Description = "Forget the sync's checkpoints first and read every stream from the beginning.",
    };

    private readonly Option<int> _showRejects = new("--show-rejects")
    {
        Description = "How many rejected records to list with their reasons.",
        HelpName = "N",
        DefaultValueFactory = _ => DefaultShownRejects,
    };

    public void AddTo(Command command)
    {
        _showRejects.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 500)
            {
                result.AddError("--show-rejects must be between 0 and 500.");
            }
        });
        command.Add(_config);
        command.Add(_state);
        command.Add(_storage);
        command.Add(_fullRefresh);
        command.Add(_showRejects);
    }

    public Values Read(ParseResult parseResult) => new(
        parseResult.GetRequiredValue(_config),
        parseResult.GetValue(_state),
        parseResult.GetValue(_storage),
        parseResult.GetValue(_fullRefresh),
        parseResult.GetValue(_showRejects));

    /// <summary>The parsed values.</summary>
    public sealed record Values(string File, string? State, string? Storage, bool FullRefresh, int ShowRejects);
}

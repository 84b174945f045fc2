using ConnectorHub.Cli.CommandLine;

return await CliCommands.InvokeAsync(args);

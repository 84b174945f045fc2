using ConnectorHub.Core.Connections;
using ConnectorHub.Core.Plugins;
using ConnectorHub.Core.Validation;
using ConnectorHub.Host.Dashboard.Forms;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Connections;

/// <summary>One connection: its settings (secrets hidden), the last test, and for admins test, edit and delete.</summary>
public sealed class DetailsModel(ConnectionService connections, PluginCatalog catalog) : DashboardPage
{
    public ConnectionView Connection { get; private set; } = null!;

    public IReadOnlyList<SchemaField> Fields { get; private set; } = [];

    public string PluginName { get; private set; } = string.Empty;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Connection = await connections.GetAsync(id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        var plugin = catalog.Find(Connection.PluginId);
        PluginName = plugin?.Manifest.Name ?? $"{Connection.PluginId} (not installed)";
        Fields = plugin is null ? [] : SchemaForm.Fields(plugin.Spec);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        var result = await connections.CheckAsync(id, cancellationToken);
        Flash(result.Succeeded
            ? "Connection test passed: the hub reached the system with these settings."
            : $"Connection test failed: {result.Message}", error: !result.Succeeded);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Refuse(CanAdminister) is { } refused)
        {
            return refused;
        }

        try
        {
            await connections.DeleteAsync(id, cancellationToken);
        }
        catch (HubValidationException ex)
        {
            Flash(Messages(ex), error: true);
            return RedirectToPage(new { id });
        }

        Flash("The connection was deleted.");
        return Redirect("/connections");
    }
}

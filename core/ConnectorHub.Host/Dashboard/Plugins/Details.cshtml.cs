using ConnectorHub.Core.Plugins;
using ConnectorHub.Host.Dashboard.Docs;
using ConnectorHub.Host.Dashboard.Forms;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Plugins;

/// <summary>One plugin: facts from its manifest, its settings from the spec, and its README rendered.</summary>
public sealed class DetailsModel(PluginCatalog catalog) : DashboardPage
{
    public LoadedPlugin Plugin { get; private set; } = null!;

    public IReadOnlyList<SchemaField> Fields { get; private set; } = [];

    /// <summary>The README as safe HTML (raw HTML shown as text, only http(s) and mailto links), or null when there is none.</summary>
    public string? ReadmeHtml { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (catalog.Find(id) is not { } plugin)
        {
            return NotFound();
        }

        Plugin = plugin;
        Fields = SchemaForm.Fields(plugin.Spec);
        var readme = Path.Combine(plugin.Directory, "README.md");
        if (System.IO.File.Exists(readme))
        {
            ReadmeHtml = MarkdownRenderer.ToHtml(await System.IO.File.ReadAllTextAsync(readme, cancellationToken));
        }

        return Page();
    }
}

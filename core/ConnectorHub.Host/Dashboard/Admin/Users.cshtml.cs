using ConnectorHub.Core.Access;
using ConnectorHub.Core.Validation;
using Microsoft.AspNetCore.Mvc;

namespace ConnectorHub.Host.Dashboard.Admin;

/// <summary>The admin's user management: add, change role, set a new password, delete (never the last admin).</summary>
public sealed class UsersModel(UserService users) : DashboardPage
{
    public IReadOnlyList<UserView> Users { get; private set; } = [];

    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public HubRole Role { get; set; } = HubRole.Viewer;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await users.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await users.CreateAsync(new UserRequest(UserName, Password, Role), cancellationToken);
            Flash($"User '{created.UserName}' added as {created.Role.ClaimValue()}.");
            return RedirectToPage();
        }
        catch (HubValidationException ex)
        {
            AddErrors(ex, f => f == "userName" ? nameof(UserName) : f == "password" ? nameof(Password) : string.Empty);
            Users = await users.ListAsync(cancellationToken);
            return Page();
        }
    }

    public Task<IActionResult> OnPostRoleAsync(Guid id, HubRole role, CancellationToken cancellationToken) =>
        ChangeAsync(async () => await users.SetRoleAsync(id, role, cancellationToken), u => $"'{u!.UserName}' is now {u.Role.ClaimValue()}.");

    public Task<IActionResult> OnPostPasswordAsync(Guid id, string password, CancellationToken cancellationToken) =>
        ChangeAsync(async () => await users.SetPasswordAsync(id, password ?? string.Empty, cancellationToken), u => $"New password set for '{u!.UserName}'; their other sign-ins ended.");

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(async () =>
        {
            await users.DeleteAsync(id, cancellationToken);
            return null;
        }, _ => "The user was deleted.");

    private async Task<IActionResult> ChangeAsync(Func<Task<UserView?>> change, Func<UserView?, string> message)
    {
        try
        {
            Flash(message(await change()));
        }
        catch (HubValidationException ex)
        {
            Flash(Messages(ex), error: true);
        }
        catch (NotFoundException ex)
        {
            Flash(ex.Message, error: true);
        }

        return RedirectToPage();
    }
}
